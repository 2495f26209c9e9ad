package org.giaoban.training.enrolment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.giaoban.platform.testing.Problems.invalidFields;
import static org.giaoban.platform.testing.Problems.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.queryhandling.QueryGateway;
import org.giaoban.platform.problem.DomainRuleViolation;
import org.giaoban.platform.problem.NotAllowedException;
import org.giaoban.platform.problem.ProblemResponses;
import org.giaoban.platform.problem.ResourceNotFoundException;
import org.giaoban.training.api.enrolment.EnrolLearnersCommand;
import org.giaoban.training.api.enrolment.EnrolmentOutcome;
import org.giaoban.training.api.enrolment.EnrolmentOutcome.RefusedLearner;
import org.giaoban.training.api.enrolment.Learner;
import org.giaoban.training.api.enrolment.WithdrawLearnerCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The enrolment endpoints with the gateways mocked: one learner, a list as JSON or as a CSV class list, and
 * withdrawal. What the class decides comes back from the mocked gateway as an {@link EnrolmentOutcome}.
 */
@WebMvcTest(EnrolmentController.class)
@Import(ProblemResponses.class)
class EnrolmentControllerTest {

    private static final UUID CLASS_ID = UUID.fromString("3b0e6c1a-8f2d-4e5b-9a7c-1d2e3f405162");
    private static final Learner HA = new Learner("079301000123", "Nguyễn Thị Hà", "HN-HOANKIEM");
    private static final Learner DUNG = new Learner("001085002345", "Trần Văn Dũng", "HN-LONGBIEN");
    private static final String HA_JSON =
            "{\"learnerId\": \"079301000123\", \"fullName\": \"Nguyễn Thị Hà\", \"unitId\": \"HN-HOANKIEM\"}";
    private static final String CSV_HEADER = "learnerId,fullName,unitId\r\n";

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private CommandGateway commands;

    @MockitoBean
    private QueryGateway queries;

    @Test
    void enrollingOneLearnerAnswersCreatedWithTheEnrolmentsLocation() throws Exception {
        givenTheClassAnswers(new EnrolmentOutcome(1, 0, List.of()));

        mvc.perform(json(post("/api/classes/{classId}/enrolments", CLASS_ID), HA_JSON))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/classes/" + CLASS_ID + "/enrolments/079301000123"))
                .andExpect(jsonPath("$.classId").value(CLASS_ID.toString()))
                .andExpect(jsonPath("$.learnerId").value("079301000123"));

        then(commands).should().sendAndWait(new EnrolLearnersCommand(CLASS_ID, List.of(HA)));
    }

    @Test
    void aLearnerEnrolledAlreadyIsAConflict() throws Exception {
        givenTheClassAnswers(new EnrolmentOutcome(0, 1, List.of()));

        mvc.perform(json(post("/api/classes/{classId}/enrolments", CLASS_ID), HA_JSON))
                .andExpect(problem(409, "already-enrolled"))
                .andExpect(jsonPath("$.detail").value("Learner 079301000123 is already enrolled in this class."));
    }

    @Test
    void aLearnerForAFullClassIsAConflict() throws Exception {
        givenTheClassAnswers(new EnrolmentOutcome(
                0,
                0,
                List.of(new RefusedLearner(
                        0, HA.learnerId(), "class-full", "the class is full: all 120 places are taken"))));

        mvc.perform(json(post("/api/classes/{classId}/enrolments", CLASS_ID), HA_JSON))
                .andExpect(problem(409, "class-full"))
                .andExpect(jsonPath("$.detail").value("Not enrolled: the class is full: all 120 places are taken."));
    }

    @ParameterizedTest
    @CsvSource({"unknown-unit, unitId", "invalid-full-name, fullName", "invalid-learner-id, learnerId"})
    void aLearnerRefusedForTheirOwnDataIsAnInvalidField(String code, String field) throws Exception {
        givenTheClassAnswers(
                new EnrolmentOutcome(0, 0, List.of(new RefusedLearner(0, HA.learnerId(), code, "the reason"))));

        mvc.perform(json(post("/api/classes/{classId}/enrolments", CLASS_ID), HA_JSON))
                .andExpect(invalidFields(field))
                .andExpect(jsonPath("$.errors[0].message").value("the reason"));
    }

    @Test
    void aLearnerForACancelledClassIsAConflictNamedByItsRule() throws Exception {
        given(commands.sendAndWait(any()))
                .willThrow(new DomainRuleViolation(
                        "class-cancelled", "The class is cancelled; it cannot take enrolments."));

        mvc.perform(json(post("/api/classes/{classId}/enrolments", CLASS_ID), HA_JSON))
                .andExpect(problem(409, "class-cancelled"));
    }

    @Test
    void aLearnerForAClassOfAUnitTheCallerMayNotChangeIsForbidden() throws Exception {
        given(commands.sendAndWait(any()))
                .willThrow(new NotAllowedException(
                        "unit-not-allowed", "officer-hn-hoankiem may not change what belongs to HN-QUOCOAI"));

        mvc.perform(json(post("/api/classes/{classId}/enrolments", CLASS_ID), HA_JSON))
                .andExpect(problem(403, "unit-not-allowed"))
                .andExpect(jsonPath("$.detail").value("officer-hn-hoankiem may not change what belongs to HN-QUOCOAI"));
    }

    @Test
    void aLearnerForAnUnknownClassIsNotFound() throws Exception {
        given(commands.sendAndWait(any()))
                .willThrow(new AggregateNotFoundException(CLASS_ID.toString(), "The aggregate was not found"));

        mvc.perform(json(post("/api/classes/{classId}/enrolments", CLASS_ID), HA_JSON))
                .andExpect(problem(404, "not-found"));
    }

    @Test
    void aLearnerWithoutIdNameOrUnitIsRefusedBeforeAnyCommand() throws Exception {
        mvc.perform(json(post("/api/classes/{classId}/enrolments", CLASS_ID), "{\"fullName\": \" \"}"))
                .andExpect(invalidFields("fullName", "learnerId", "unitId"));
        verifyNoInteractions(commands);
    }

    @Test
    void aBodyThatIsNotJsonIsMalformed() throws Exception {
        mvc.perform(json(post("/api/classes/{classId}/enrolments", CLASS_ID), "{\"learnerId\": \"0793"))
                .andExpect(problem(400, "malformed-request"));
        mvc.perform(json(post("/api/classes/{classId}/enrolments/batch", CLASS_ID), "{\"learners\": [{]}"))
                .andExpect(problem(400, "malformed-request"));
        verifyNoInteractions(commands);
    }

    @Test
    void aBodyThatIsNeitherJsonNorCsvIsUnsupported() throws Exception {
        mvc.perform(post("/api/classes/{classId}/enrolments", CLASS_ID)
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("079301000123"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(415));
        mvc.perform(post("/api/classes/{classId}/enrolments/batch", CLASS_ID)
                        .contentType(MediaType.TEXT_PLAIN)
                        .content(CSV_HEADER))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        verifyNoInteractions(commands);
    }

    @Test
    void aClassIdThatIsNoUuidIsAnInvalidField() throws Exception {
        mvc.perform(json(post("/api/classes/{classId}/enrolments", "lop-1"), HA_JSON))
                .andExpect(invalidFields("classId"));
        mvc.perform(delete("/api/classes/{classId}/enrolments/{learnerId}", "lop-1", "079301000123"))
                .andExpect(invalidFields("classId"));
        verifyNoInteractions(commands);
    }

    @Test
    void aListAsJsonIsAnsweredRowByRow() throws Exception {
        givenTheClassAnswers(new EnrolmentOutcome(
                1,
                1,
                List.of(new RefusedLearner(2, "001190003456", "unknown-unit", "'HN-ATLANTIS' is not a known unit"))));

        mvc.perform(json(post("/api/classes/{classId}/enrolments/batch", CLASS_ID), """
                        {"learners": [
                          {"learnerId": "079301000123", "fullName": "Nguyễn Thị Hà", "unitId": "HN-HOANKIEM"},
                          {"learnerId": "001085002345", "fullName": "Trần Văn Dũng", "unitId": "HN-LONGBIEN"},
                          {"learnerId": "001190003456", "fullName": "Lê Thị Lan", "unitId": "HN-ATLANTIS"}
                        ]}
                        """))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.duplicates").value(1))
                .andExpect(jsonPath("$.rejected.length()").value(1))
                .andExpect(jsonPath("$.rejected[0].index").value(2))
                .andExpect(jsonPath("$.rejected[0].learnerId").value("001190003456"))
                .andExpect(jsonPath("$.rejected[0].code").value("unknown-unit"))
                .andExpect(jsonPath("$.rejected[0].reason").value("'HN-ATLANTIS' is not a known unit"));

        then(commands)
                .should()
                .sendAndWait(new EnrolLearnersCommand(
                        CLASS_ID, List.of(HA, DUNG, new Learner("001190003456", "Lê Thị Lan", "HN-ATLANTIS"))));
    }

    @Test
    void aListOfTenThousandLearnersIsTaken() throws Exception {
        givenTheClassAnswers(new EnrolmentOutcome(10_000, 0, List.of()));

        mvc.perform(json(post("/api/classes/{classId}/enrolments/batch", CLASS_ID), jsonList(10_000)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(10_000));

        assertThat(sentLearners()).hasSize(10_000);
    }

    @Test
    void aListOfMoreThanTenThousandLearnersIsTooLargeAndNeverReachesTheClass() throws Exception {
        mvc.perform(json(post("/api/classes/{classId}/enrolments/batch", CLASS_ID), jsonList(10_001)))
                .andExpect(problem(413, "batch-too-large"))
                .andExpect(jsonPath("$.detail").value("The batch has 10001 rows; one request takes at most 10000."));
        verifyNoInteractions(commands);
    }

    @Test
    void anEmptyListIsRefused() throws Exception {
        mvc.perform(json(post("/api/classes/{classId}/enrolments/batch", CLASS_ID), "{\"learners\": []}"))
                .andExpect(invalidFields("learners"));
        mvc.perform(json(post("/api/classes/{classId}/enrolments/batch", CLASS_ID), "{}"))
                .andExpect(invalidFields("learners"));
        verifyNoInteractions(commands);
    }

    @Test
    void aClassListAsCsvIsReadAndEveryRowPassedToTheClass() throws Exception {
        EnrolmentOutcome outcome = new EnrolmentOutcome(
                2,
                0,
                List.of(new RefusedLearner(1, "001190003456", "unknown-unit", "'HN-ATLANTIS' is not a known unit")));
        givenTheClassAnswers(outcome);

        mvc.perform(csv(
                        CLASS_ID,
                        CSV_HEADER
                                + "079301000123,Nguyễn Thị Hà,HN-HOANKIEM\r\n"
                                + "001190003456,\"Lê Thị Lan, Bí thư chi bộ\",HN-ATLANTIS\r\n"
                                + "001085002345,Trần Văn Dũng,HN-LONGBIEN\r\n"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.accepted").value(2))
                .andExpect(jsonPath("$.duplicates").value(0))
                .andExpect(jsonPath("$.rejected[0].index").value(1))
                .andExpect(jsonPath("$.rejected[0].code").value("unknown-unit"));

        assertThat(sentLearners())
                .containsExactly(HA, new Learner("001190003456", "Lê Thị Lan, Bí thư chi bộ", "HN-ATLANTIS"), DUNG);
    }

    @Test
    void aClassListSentWithItsCharsetIsReadToo() throws Exception {
        givenTheClassAnswers(new EnrolmentOutcome(1, 0, List.of()));

        mvc.perform(post("/api/classes/{classId}/enrolments/batch", CLASS_ID)
                        .contentType("text/csv;charset=UTF-8")
                        .content(utf8(CSV_HEADER + "079301000123,Nguyễn Thị Hà,HN-HOANKIEM\r\n")))
                .andExpect(status().isOk());

        assertThat(sentLearners()).containsExactly(HA);
    }

    @Test
    void aMalformedClassListIsRefusedByItsLineAndNeverReachesTheClass() throws Exception {
        mvc.perform(csv(
                        CLASS_ID,
                        CSV_HEADER + "079301000123,Nguyễn Thị Hà,HN-HOANKIEM\r\n" + "001085002345,Trần Văn Dũng\r\n"))
                .andExpect(invalidFields("line 3"))
                .andExpect(
                        jsonPath("$.errors[0].message").value("has 2 fields; each row has learnerId,fullName,unitId"));
        verifyNoInteractions(commands);
    }

    @Test
    void aClassListThatIsNotUtf8IsRefusedAsAWhole() throws Exception {
        byte[] notUtf8 = (CSV_HEADER + "079301000123,Hà,HN-HOANKIEM\r\n").getBytes("windows-1258");

        mvc.perform(post("/api/classes/{classId}/enrolments/batch", CLASS_ID)
                        .contentType("text/csv")
                        .content(notUtf8))
                .andExpect(invalidFields("body"));
        verifyNoInteractions(commands);
    }

    @Test
    void aClassListWithoutRowsIsRefused() throws Exception {
        mvc.perform(csv(CLASS_ID, CSV_HEADER)).andExpect(invalidFields("learners"));
        mvc.perform(csv(CLASS_ID, "")).andExpect(invalidFields("line 1"));
        verifyNoInteractions(commands);
    }

    @Test
    void aClassListOfMoreThanTenThousandRowsIsTooLarge() throws Exception {
        String rows = IntStream.range(0, 10_001)
                .mapToObj(i -> String.format("%012d,Học viên %d,HN-HOANKIEM\r\n", i, i))
                .collect(Collectors.joining());

        mvc.perform(csv(CLASS_ID, CSV_HEADER + rows)).andExpect(problem(413, "batch-too-large"));
        verifyNoInteractions(commands);
    }

    @Test
    void withdrawingALearnerAnswersNoContent() throws Exception {
        mvc.perform(delete("/api/classes/{classId}/enrolments/{learnerId}", CLASS_ID, "079301000123"))
                .andExpect(status().isNoContent())
                .andExpect(content().string(""));

        then(commands).should().sendAndWait(new WithdrawLearnerCommand(CLASS_ID, "079301000123"));
    }

    @Test
    void withdrawingALearnerWhoIsNotEnrolledIsNotFound() throws Exception {
        given(commands.sendAndWait(any()))
                .willThrow(new ResourceNotFoundException("enrolment in this class", "079301000123"));

        mvc.perform(delete("/api/classes/{classId}/enrolments/{learnerId}", CLASS_ID, "079301000123"))
                .andExpect(problem(404, "not-found"))
                .andExpect(jsonPath("$.detail").value("No enrolment in this class has the id 079301000123"));
    }

    @Test
    void withdrawingFromACancelledClassIsAConflict() throws Exception {
        given(commands.sendAndWait(any()))
                .willThrow(new DomainRuleViolation(
                        "class-cancelled", "The class is cancelled; it cannot change its learners."));

        mvc.perform(delete("/api/classes/{classId}/enrolments/{learnerId}", CLASS_ID, "079301000123"))
                .andExpect(problem(409, "class-cancelled"));
    }

    private void givenTheClassAnswers(EnrolmentOutcome outcome) {
        given(commands.sendAndWait(any(EnrolLearnersCommand.class))).willReturn(outcome);
    }

    private List<Learner> sentLearners() {
        ArgumentCaptor<EnrolLearnersCommand> sent = ArgumentCaptor.forClass(EnrolLearnersCommand.class);
        then(commands).should().sendAndWait(sent.capture());
        assertThat(sent.getValue().classId()).isEqualTo(CLASS_ID);
        return sent.getValue().learners();
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static MockHttpServletRequestBuilder csv(UUID classId, String classList) {
        return post("/api/classes/{classId}/enrolments/batch", classId)
                .contentType("text/csv")
                .content(utf8(classList));
    }

    private static String jsonList(int learners) {
        return IntStream.range(0, learners)
                .mapToObj(i -> "{\"learnerId\": \"%012d\", \"fullName\": \"Học viên %d\", \"unitId\": \"HN-HOANKIEM\"}"
                        .formatted(i, i))
                .collect(Collectors.joining(",", "{\"learners\": [", "]}"));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
