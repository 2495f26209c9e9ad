package org.giaoban.reporting.projection.web;

import static org.giaoban.platform.testing.Problems.problem;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.giaoban.platform.problem.DomainRuleViolation;
import org.giaoban.platform.problem.ProblemResponses;
import org.giaoban.platform.problem.ResourceNotFoundException;
import org.giaoban.reporting.projection.ProjectionRebuilds;
import org.giaoban.reporting.projection.ProjectionStatusView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The read models' operations with the rebuilds mocked: status, a rebuild accepted, and its refusals. */
@WebMvcTest(ProjectionController.class)
@Import(ProblemResponses.class)
class ProjectionControllerTest {

    private static final ProjectionStatusView REBUILDING = new ProjectionStatusView(
            "briefing-training", "training", 1200L, 1250L, 50, "REBUILDING", 0.42, 1, null, null);

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private ProjectionRebuilds rebuilds;

    @Test
    void listsEveryReadModelWithItsPositionAndLag() throws Exception {
        when(rebuilds.statuses()).thenReturn(List.of(REBUILDING));

        mvc.perform(get("/api/admin/projections"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("briefing-training"))
                .andExpect(jsonPath("$[0].service").value("training"))
                .andExpect(jsonPath("$[0].lag").value(50))
                .andExpect(jsonPath("$[0].progress").value(0.42));
    }

    @Test
    void acceptsARebuildAndPointsAtItsStatus() throws Exception {
        when(rebuilds.rebuild("briefing-training")).thenReturn(REBUILDING);

        mvc.perform(post("/api/admin/projections/briefing-training/rebuild"))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/admin/projections/briefing-training"))
                .andExpect(jsonPath("$.status").value("REBUILDING"));
    }

    @Test
    void refusesASecondRebuildWhileOneRuns() throws Exception {
        when(rebuilds.rebuild("briefing-training"))
                .thenThrow(new DomainRuleViolation("rebuild-in-progress", "The read model is being rebuilt"));

        mvc.perform(post("/api/admin/projections/briefing-training/rebuild"))
                .andExpect(problem(409, "rebuild-in-progress"));
    }

    @Test
    void answersNotFoundForAReadModelThatDoesNotExist() throws Exception {
        when(rebuilds.rebuild("briefing-atlantis"))
                .thenThrow(new ResourceNotFoundException("read model", "briefing-atlantis"));
        when(rebuilds.status("briefing-atlantis"))
                .thenThrow(new ResourceNotFoundException("read model", "briefing-atlantis"));

        mvc.perform(post("/api/admin/projections/briefing-atlantis/rebuild")).andExpect(status().isNotFound());
        mvc.perform(get("/api/admin/projections/briefing-atlantis")).andExpect(status().isNotFound());
    }
}
