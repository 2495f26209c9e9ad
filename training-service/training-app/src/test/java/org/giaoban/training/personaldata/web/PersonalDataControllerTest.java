package org.giaoban.training.personaldata.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.giaoban.platform.testing.Problems.invalidFields;
import static org.giaoban.platform.testing.Problems.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.giaoban.platform.problem.NotAllowedException;
import org.giaoban.platform.problem.ProblemResponses;
import org.giaoban.platform.problem.ResourceNotFoundException;
import org.giaoban.training.api.personaldata.ErasePersonalDataCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The erasure endpoint with the command gateway mocked; problem+json comes from the imported advice. */
@WebMvcTest(PersonalDataController.class)
@Import(ProblemResponses.class)
class PersonalDataControllerTest {

    private static final String ERASURES = "/api/personal-data/erasures";

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private CommandGateway commands;

    @Test
    void anErasureAnswersCreatedWithItsIdAndNeverRepeatsThePerson() throws Exception {
        MvcResult result = mvc.perform(post(ERASURES)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"learnerId\": \"079301000123\"}"))
                .andExpect(status().isCreated())
                .andReturn();

        ArgumentCaptor<ErasePersonalDataCommand> sent = ArgumentCaptor.forClass(ErasePersonalDataCommand.class);
        then(commands).should().sendAndWait(sent.capture());
        assertThat(sent.getValue().personId()).isEqualTo("079301000123");
        String erasureId = sent.getValue().erasureId().toString();
        assertThat(result.getResponse().getContentAsString()).isEqualTo("{\"id\":\"" + erasureId + "\"}");
        assertThat(result.getResponse().getHeader("Location")).isEqualTo(ERASURES + "/" + erasureId);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                "{\"learnerId\": \"\"}",
                "{\"learnerId\": \"0793 0100 0123\"}",
                "{\"learnerId\": \"../../etc\"}",
                "{\"learnerId\": \"0123456789012345678901234567890123456789012345678901234567890123456789\"}"
            })
    void anIdNoPersonCouldHaveIsRefusedAndNothingIsSent(String body) throws Exception {
        mvc.perform(post(ERASURES).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(invalidFields("learnerId"));

        verifyNoInteractions(commands);
    }

    @Test
    void aPersonWithoutDataIsNotFound() throws Exception {
        given(commands.sendAndWait(any()))
                .willThrow(new ResourceNotFoundException("person with personal data", "given"));

        mvc.perform(post(ERASURES).contentType(MediaType.APPLICATION_JSON).content("{\"learnerId\": \"079399999999\"}"))
                .andExpect(problem(404, "not-found"))
                .andExpect(jsonPath("$.detail").value("No person with personal data has the id given"));
    }

    @Test
    void aCallerWhoIsNoAdministratorIsRefused() throws Exception {
        given(commands.sendAndWait(any()))
                .willThrow(new NotAllowedException("admin-only", "Only an ADMIN may erase a person's personal data."));

        mvc.perform(post(ERASURES).contentType(MediaType.APPLICATION_JSON).content("{\"learnerId\": \"079301000123\"}"))
                .andExpect(problem(403, "admin-only"))
                .andExpect(header().doesNotExist("Location"));
    }

    @Test
    void aBodyThatIsNotJsonIsRefused() throws Exception {
        mvc.perform(post(ERASURES).contentType(MediaType.APPLICATION_JSON).content("learnerId=079301000123"))
                .andExpect(status().isBadRequest());

        verifyNoInteractions(commands);
    }
}
