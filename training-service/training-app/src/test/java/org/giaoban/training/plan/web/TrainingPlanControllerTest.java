package org.giaoban.training.plan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.giaoban.platform.testing.Problems.invalidFields;
import static org.giaoban.platform.testing.Problems.problem;
import static org.hamcrest.Matchers.contains;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.queryhandling.QueryGateway;
import org.giaoban.platform.problem.FieldError;
import org.giaoban.platform.problem.InvalidFieldException;
import org.giaoban.platform.problem.InvalidRequestException;
import org.giaoban.platform.problem.NotAllowedException;
import org.giaoban.platform.problem.ProblemResponses;
import org.giaoban.training.api.plan.FindTrainingPlanQuery;
import org.giaoban.training.api.plan.PlanLine;
import org.giaoban.training.api.plan.RecordTrainingPlanCommand;
import org.giaoban.training.api.plan.TrainingPlanView;
import org.giaoban.training.api.trainingclass.Bloc;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The training-plan endpoints with the gateways mocked; problem+json comes from the imported advice. */
@WebMvcTest(TrainingPlanController.class)
@Import(ProblemResponses.class)
class TrainingPlanControllerTest {

    private static final String PATH = "/api/training-plans/{unitId}/{year}";
    private static final String HOAN_KIEM_2022 = """
            {"lines": [
              {"label": " Khối Đảng và Đoàn thể ", "blocs": ["PARTY", "MASS_ORGANISATIONS"], "classes": 66},
              {"label": "Quản lý nhà nước", "blocs": ["STATE"], "classes": 31}
            ]}
            """;
    private static final List<PlanLine> LINES = List.of(
            new PlanLine("Khối Đảng và Đoàn thể", List.of(Bloc.PARTY, Bloc.MASS_ORGANISATIONS), 66),
            new PlanLine("Quản lý nhà nước", List.of(Bloc.STATE), 31));

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private CommandGateway commands;

    @MockitoBean
    private QueryGateway queries;

    @Test
    void recordingAPlanAnswersItAsRecordedWithItsTotalAndVersion() throws Exception {
        given(commands.sendAndWait(any())).willReturn(0L);

        mvc.perform(json(put(PATH, "HN-HOANKIEM", 2022), HOAN_KIEM_2022))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.unitId").value("HN-HOANKIEM"))
                .andExpect(jsonPath("$.year").value(2022))
                .andExpect(jsonPath("$.lines.length()").value(2))
                .andExpect(jsonPath("$.lines[0].label").value("Khối Đảng và Đoàn thể"))
                .andExpect(jsonPath("$.lines[0].blocs", contains("PARTY", "MASS_ORGANISATIONS")))
                .andExpect(jsonPath("$.lines[0].classes").value(66))
                .andExpect(jsonPath("$.lines[1].label").value("Quản lý nhà nước"))
                .andExpect(jsonPath("$.lines[1].blocs", contains("STATE")))
                .andExpect(jsonPath("$.lines[1].classes").value(31))
                .andExpect(jsonPath("$.totalClasses").value(97))
                .andExpect(jsonPath("$.version").value(0));

        then(commands)
                .should()
                .sendAndWait(new RecordTrainingPlanCommand("HN-HOANKIEM/2022", "HN-HOANKIEM", 2022, LINES, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"3\"", "W/\"3\"", "3"})
    void theVersionInIfMatchReachesTheCommand(String ifMatch) throws Exception {
        given(commands.sendAndWait(any())).willReturn(4L);

        mvc.perform(json(put(PATH, "HN-HOANKIEM", 2022), HOAN_KIEM_2022).header("If-Match", ifMatch))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"4\""))
                .andExpect(jsonPath("$.version").value(4));

        ArgumentCaptor<RecordTrainingPlanCommand> sent = ArgumentCaptor.forClass(RecordTrainingPlanCommand.class);
        then(commands).should().sendAndWait(sent.capture());
        assertThat(sent.getValue().expectedVersion()).isEqualTo(3L);
    }

    @Test
    void anIfMatchThatIsNoVersionIsRefused() throws Exception {
        mvc.perform(json(put(PATH, "HN-HOANKIEM", 2022), HOAN_KIEM_2022).header("If-Match", "mới nhất"))
                .andExpect(invalidFields("If-Match"));
        verifyNoInteractions(commands);
    }

    @Test
    void aPlanChangedSinceItWasReadIsAFailedPrecondition() throws Exception {
        given(commands.sendAndWait(any()))
                .willThrow(new ConflictingAggregateVersionException("HN-HOANKIEM/2022", 0, 1));

        mvc.perform(json(put(PATH, "HN-HOANKIEM", 2022), HOAN_KIEM_2022).header("If-Match", "\"0\""))
                .andExpect(problem(412, "stale-version"));
    }

    @Test
    void aPlanOfAUnitTheCallerMayNotChangeIsForbidden() throws Exception {
        given(commands.sendAndWait(any()))
                .willThrow(new NotAllowedException(
                        "unit-not-allowed", "officer-hn-longbien may not change what belongs to HN-HOANKIEM"));

        mvc.perform(json(put(PATH, "HN-HOANKIEM", 2022), HOAN_KIEM_2022))
                .andExpect(problem(403, "unit-not-allowed"))
                .andExpect(
                        jsonPath("$.detail").value("officer-hn-longbien may not change what belongs to HN-HOANKIEM"));
    }

    @Test
    void aBlocInTwoLinesIsAnInvalidRequestNamingTheLaterLine() throws Exception {
        given(commands.sendAndWait(any()))
                .willThrow(new InvalidRequestException(List.of(new FieldError(
                        "lines[1].blocs",
                        "PARTY is already planned in lines[0]; a bloc belongs to one line of a plan"))));

        mvc.perform(json(put(PATH, "HN-HOANKIEM", 2022), """
                        {"lines": [
                          {"label": "Khối Đảng và Đoàn thể", "blocs": ["PARTY", "MASS_ORGANISATIONS"], "classes": 66},
                          {"label": "Nhà nước và Đảng", "blocs": ["STATE", "PARTY"], "classes": 31}
                        ]}
                        """))
                .andExpect(invalidFields("lines[1].blocs"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("PARTY is already planned in lines[0]; a bloc belongs to one line of a plan"));
    }

    @Test
    void aPlanForAnUnknownUnitIsAnInvalidField() throws Exception {
        given(commands.sendAndWait(any()))
                .willThrow(new InvalidFieldException("unitId", "'HN-ATLANTIS' is not a known unit"));

        mvc.perform(json(put(PATH, "HN-ATLANTIS", 2022), HOAN_KIEM_2022))
                .andExpect(invalidFields("unitId"))
                .andExpect(jsonPath("$.errors[0].message").value("'HN-ATLANTIS' is not a known unit"));
    }

    @Test
    void aPlanForAYearOutOfRangeIsAnInvalidField() throws Exception {
        given(commands.sendAndWait(any())).willThrow(new InvalidFieldException("year", "must be from 2000 to 2100"));

        mvc.perform(json(put(PATH, "HN-HOANKIEM", 1999), HOAN_KIEM_2022)).andExpect(invalidFields("year"));
    }

    @Test
    void aYearThatIsNoNumberIsAnInvalidField() throws Exception {
        mvc.perform(json(put(PATH, "HN-HOANKIEM", "năm-2022"), HOAN_KIEM_2022))
                .andExpect(invalidFields("year"))
                .andExpect(jsonPath("$.errors[0].message").value("'năm-2022' must be a number"));
        mvc.perform(get(PATH, "HN-HOANKIEM", "2022.5")).andExpect(invalidFields("year"));
        verifyNoInteractions(commands, queries);
    }

    @Test
    void aBodyThatIsNotJsonIsMalformed() throws Exception {
        mvc.perform(json(put(PATH, "HN-HOANKIEM", 2022), "{\"lines\": [{\"label\": "))
                .andExpect(problem(400, "malformed-request"));
        verifyNoInteractions(commands);
    }

    @Test
    void aPlanWithoutLinesIsRefused() throws Exception {
        mvc.perform(json(put(PATH, "HN-HOANKIEM", 2022), "{\"lines\": []}")).andExpect(invalidFields("lines"));
        mvc.perform(json(put(PATH, "HN-HOANKIEM", 2022), "{}")).andExpect(invalidFields("lines"));
        verifyNoInteractions(commands);
    }

    @Test
    void missingAndInvalidFieldsOfEachLineAreNamed() throws Exception {
        mvc.perform(json(put(PATH, "HN-HOANKIEM", 2022), """
                        {"lines": [{"label": " ", "blocs": [], "classes": -1}, {}, null]}
                        """))
                .andExpect(invalidFields(
                        "lines[0].blocs",
                        "lines[0].classes",
                        "lines[0].label",
                        "lines[1].blocs",
                        "lines[1].classes",
                        "lines[1].label",
                        "lines[2]"));
        verifyNoInteractions(commands);
    }

    @Test
    void aBlocThatDoesNotExistIsNamed() throws Exception {
        mvc.perform(json(put(PATH, "HN-HOANKIEM", 2022), """
                        {"lines": [{"label": "Đảng", "blocs": ["PARTI"], "classes": 10}]}
                        """))
                .andExpect(invalidFields("lines[0].blocs[0]"))
                .andExpect(jsonPath("$.errors[0].message").value("'PARTI' is not a valid Bloc"));
        verifyNoInteractions(commands);
    }

    @Test
    void readingAPlanAnswersItsLinesTotalAndVersionAsETag() throws Exception {
        given(queries.query(eq(new FindTrainingPlanQuery("HN-HOANKIEM", 2022)), any(ResponseType.class)))
                .willReturn(CompletableFuture.completedFuture(
                        Optional.of(new TrainingPlanView("HN-HOANKIEM", 2022, LINES, 97, 2))));

        mvc.perform(get(PATH, "HN-HOANKIEM", 2022))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.unitId").value("HN-HOANKIEM"))
                .andExpect(jsonPath("$.year").value(2022))
                .andExpect(jsonPath("$.lines[0].label").value("Khối Đảng và Đoàn thể"))
                .andExpect(jsonPath("$.lines[0].blocs", contains("PARTY", "MASS_ORGANISATIONS")))
                .andExpect(jsonPath("$.lines[0].classes").value(66))
                .andExpect(jsonPath("$.lines[1].blocs", contains("STATE")))
                .andExpect(jsonPath("$.lines[1].classes").value(31))
                .andExpect(jsonPath("$.totalClasses").value(97))
                .andExpect(jsonPath("$.version").value(2));
    }

    @Test
    void readingAPlanNeverRecordedIsNotFound() throws Exception {
        given(queries.query(eq(new FindTrainingPlanQuery("HN-HOANKIEM", 2030)), any(ResponseType.class)))
                .willReturn(CompletableFuture.completedFuture(Optional.empty()));

        mvc.perform(get(PATH, "HN-HOANKIEM", 2030))
                .andExpect(problem(404, "not-found"))
                .andExpect(jsonPath("$.detail").value("No training plan has the id HN-HOANKIEM/2030"));
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
