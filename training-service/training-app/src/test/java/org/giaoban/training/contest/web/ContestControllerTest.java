package org.giaoban.training.contest.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.giaoban.platform.testing.JsonFields.fieldsAt;
import static org.giaoban.platform.testing.Problems.invalidFields;
import static org.giaoban.platform.testing.Problems.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.giaoban.platform.problem.InvalidFieldException;
import org.giaoban.platform.problem.NotAllowedException;
import org.giaoban.platform.problem.ProblemResponses;
import org.giaoban.platform.problem.ResourceNotFoundException;
import org.giaoban.training.api.contest.ContestEntriesOutcome;
import org.giaoban.training.api.contest.ContestEntriesOutcome.RefusedEntry;
import org.giaoban.training.api.contest.ContestEntry;
import org.giaoban.training.api.contest.ContestView;
import org.giaoban.training.api.contest.FindContestQuery;
import org.giaoban.training.api.contest.OpenContestCommand;
import org.giaoban.training.api.contest.SubmitContestEntriesCommand;
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
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The contest endpoints with the gateways mocked; problem+json comes from the imported advice. */
@WebMvcTest(ContestController.class)
@Import(ProblemResponses.class)
class ContestControllerTest {

    private static final UUID CONTEST_ID = UUID.fromString("5a0c1e2d-3b4a-4c5d-9e6f-708192a3b4c5");
    private static final String TITLE = "Cuộc thi trực tuyến tìm hiểu Nghị quyết 15-NQ/TW";
    private static final String SUBJECT = "Nghị quyết 15-NQ/TW";
    private static final Instant SUBMITTED_AT = Instant.parse("2022-09-01T03:15:00Z");
    private static final String ENTRY = """
            {"participantId": "079301000123", "unitId": "HN-PHUCTHO", "submittedAt": "2022-09-01T03:15:00Z", "score": 87}
            """;

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private CommandGateway commands;

    @MockitoBean
    private QueryGateway queries;

    @Test
    void openingAContestAnswersCreatedWithItsLocationAndTheIdOfTheCommand() throws Exception {
        MvcResult result = mvc.perform(json(post("/api/contests"), """
                        {"title": "  Cuộc thi trực tuyến tìm hiểu Nghị quyết 15-NQ/TW ", "subject": "Nghị quyết 15-NQ/TW",
                         "opensAt": "2022-08-01T01:00:00Z", "closesAt": "2022-09-30T16:59:59Z"}
                        """))
                .andExpect(status().isCreated())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andReturn();

        ArgumentCaptor<OpenContestCommand> sent = ArgumentCaptor.forClass(OpenContestCommand.class);
        then(commands).should().sendAndWait(sent.capture());
        OpenContestCommand command = sent.getValue();
        assertThat(command)
                .isEqualTo(new OpenContestCommand(
                        command.contestId(),
                        TITLE,
                        SUBJECT,
                        Instant.parse("2022-08-01T01:00:00Z"),
                        Instant.parse("2022-09-30T16:59:59Z")));
        assertThat(command.contestId()).isNotNull();
        assertThat(result.getResponse().getHeader("Location")).isEqualTo("/api/contests/" + command.contestId());
        assertThat(result.getResponse().getContentAsString())
                .isEqualToIgnoringWhitespace("{\"id\":\"" + command.contestId() + "\"}");
    }

    @Test
    void aBodyThatIsNotJsonIsMalformed() throws Exception {
        mvc.perform(json(post("/api/contests"), "{\"title\": \"Cuộc thi\", "))
                .andExpect(problem(400, "malformed-request"));
        verifyNoInteractions(commands);
    }

    @Test
    void aBodyThatIsNotJsonIsUnsupported() throws Exception {
        mvc.perform(post("/api/contests").contentType(MediaType.TEXT_PLAIN).content(TITLE))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(415));
        verifyNoInteractions(commands);
    }

    @Test
    void missingAndBlankFieldsOfAContestAreEachNamed() throws Exception {
        mvc.perform(json(post("/api/contests"), "{\"title\": \"  \"}"))
                .andExpect(invalidFields("closesAt", "opensAt", "subject", "title"));
        verifyNoInteractions(commands);
    }

    @Test
    void anInstantThatIsNoInstantIsNamed() throws Exception {
        mvc.perform(json(post("/api/contests"), """
                        {"title": "Cuộc thi", "subject": "15-NQ/TW", "opensAt": "2022-08-01 08:00",
                         "closesAt": "2022-09-30T16:59:59Z"}
                        """))
                .andExpect(invalidFields("opensAt"))
                .andExpect(jsonPath("$.errors[0].message").value("'2022-08-01 08:00' is not a valid Instant"));
        verifyNoInteractions(commands);
    }

    @Test
    void aContestThatClosesBeforeItOpensIsAnInvalidField() throws Exception {
        given(commands.sendAndWait(any())).willThrow(new InvalidFieldException("closesAt", "must be after opensAt"));

        mvc.perform(json(post("/api/contests"), """
                        {"title": "Cuộc thi", "subject": "15-NQ/TW", "opensAt": "2022-09-30T16:59:59Z",
                         "closesAt": "2022-08-01T01:00:00Z"}
                        """))
                .andExpect(invalidFields("closesAt"))
                .andExpect(jsonPath("$.errors[0].message").value("must be after opensAt"));
    }

    @Test
    void anAcceptedEntryAnswersAcceptedWithItsCount() throws Exception {
        given(commands.sendAndWait(any())).willReturn(new ContestEntriesOutcome(1, List.of()));

        mvc.perform(json(post("/api/contests/{contestId}/entries", CONTEST_ID), ENTRY))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.rejected").isEmpty());

        then(commands)
                .should()
                .sendAndWait(new SubmitContestEntriesCommand(
                        CONTEST_ID, List.of(new ContestEntry("079301000123", "HN-PHUCTHO", SUBMITTED_AT, 87))));
    }

    @ParameterizedTest
    @CsvSource({
        "invalid-participant, participantId",
        "unknown-unit, unitId",
        "missing-submitted-at, submittedAt",
        "outside-contest-window, submittedAt",
        "invalid-score, score"
    })
    void aRefusedEntryIsAnInvalidRequestNamingTheFieldAtFault(String code, String field) throws Exception {
        given(commands.sendAndWait(any()))
                .willReturn(new ContestEntriesOutcome(
                        0, List.of(new RefusedEntry(0, "079301000123", code, "refused because of " + field))));

        mvc.perform(json(post("/api/contests/{contestId}/entries", CONTEST_ID), ENTRY))
                .andExpect(invalidFields(field))
                .andExpect(jsonPath("$.errors[0].message").value("refused because of " + field));
    }

    @Test
    void anEntryWithoutItsFieldsIsRefusedBeforeItIsSent() throws Exception {
        mvc.perform(json(post("/api/contests/{contestId}/entries", CONTEST_ID), "{\"participantId\": \" \"}"))
                .andExpect(invalidFields("participantId", "participantId", "submittedAt", "unitId"));
        verifyNoInteractions(commands);
    }

    @Test
    void anEntryWithAScoreAboveAHundredOrAParticipantIdOfOtherCharactersIsRefusedBeforeItIsSent() throws Exception {
        mvc.perform(json(post("/api/contests/{contestId}/entries", CONTEST_ID), """
                        {"participantId": "Nguyễn Văn A", "unitId": "HN-PHUCTHO",
                         "submittedAt": "2022-09-01T03:15:00Z", "score": 101}
                        """))
                .andExpect(invalidFields("participantId", "score"));
        verifyNoInteractions(commands);
    }

    @Test
    void anEntryForAContestThatDoesNotExistIsNotFound() throws Exception {
        given(commands.sendAndWait(any())).willThrow(new ResourceNotFoundException("contest", CONTEST_ID));

        mvc.perform(json(post("/api/contests/{contestId}/entries", CONTEST_ID), ENTRY))
                .andExpect(problem(404, "not-found"))
                .andExpect(jsonPath("$.detail").value("No contest has the id " + CONTEST_ID));
    }

    @Test
    void aContestIdThatIsNoUuidIsAnInvalidField() throws Exception {
        mvc.perform(json(post("/api/contests/{contestId}/entries", "15-NQ"), ENTRY))
                .andExpect(invalidFields("contestId"));
        mvc.perform(get("/api/contests/{contestId}", "15-NQ")).andExpect(invalidFields("contestId"));
        verifyNoInteractions(commands, queries);
    }

    @Test
    void aBatchAnswersAcceptedWithTheNumberRecordedAndEachRefusedEntry() throws Exception {
        given(commands.sendAndWait(any()))
                .willReturn(new ContestEntriesOutcome(
                        2,
                        List.of(new RefusedEntry(
                                1, "p-2", "outside-contest-window", "submitted outside the contest's window"))));

        mvc.perform(json(post("/api/contests/{contestId}/entries/batch", CONTEST_ID), """
                        {"entries": [
                          {"participantId": "p-1", "unitId": "HN-HOANKIEM", "submittedAt": "2022-09-01T03:15:00Z", "score": 90},
                          {"participantId": "p-2", "unitId": "HN-HOANKIEM", "submittedAt": "2023-01-01T00:00:00Z"},
                          {"participantId": "p-3", "unitId": "HN-QUOCOAI", "submittedAt": "2022-09-01T03:15:00Z", "score": 101},
                          null
                        ]}
                        """))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.accepted").value(2))
                .andExpect(jsonPath("$.rejected.length()").value(1))
                .andExpect(jsonPath("$.rejected[0].index").value(1))
                .andExpect(jsonPath("$.rejected[0].participantId").value("p-2"))
                .andExpect(jsonPath("$.rejected[0].code").value("outside-contest-window"))
                .andExpect(jsonPath("$.rejected[0].reason").value("submitted outside the contest's window"));

        ArgumentCaptor<SubmitContestEntriesCommand> sent = ArgumentCaptor.forClass(SubmitContestEntriesCommand.class);
        then(commands).should().sendAndWait(sent.capture());
        assertThat(sent.getValue().contestId()).isEqualTo(CONTEST_ID);
        assertThat(sent.getValue().entries())
                .containsExactly(
                        new ContestEntry("p-1", "HN-HOANKIEM", SUBMITTED_AT, 90),
                        new ContestEntry("p-2", "HN-HOANKIEM", Instant.parse("2023-01-01T00:00:00Z"), null),
                        new ContestEntry("p-3", "HN-QUOCOAI", SUBMITTED_AT, 101),
                        null);
    }

    @Test
    void aBatchOfTenThousandEntriesIsSent() throws Exception {
        given(commands.sendAndWait(any())).willReturn(new ContestEntriesOutcome(10_000, List.of()));

        mvc.perform(json(post("/api/contests/{contestId}/entries/batch", CONTEST_ID), batchOf(10_000)))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.accepted").value(10_000));

        ArgumentCaptor<SubmitContestEntriesCommand> sent = ArgumentCaptor.forClass(SubmitContestEntriesCommand.class);
        then(commands).should().sendAndWait(sent.capture());
        assertThat(sent.getValue().entries()).hasSize(10_000);
    }

    @Test
    void aBatchOfMoreThanTenThousandEntriesIsTooLarge() throws Exception {
        mvc.perform(json(post("/api/contests/{contestId}/entries/batch", CONTEST_ID), batchOf(10_001)))
                .andExpect(problem(413, "batch-too-large"))
                .andExpect(jsonPath("$.detail").value("The batch has 10001 rows; one request takes at most 10000."));
        verifyNoInteractions(commands);
    }

    @Test
    void anEmptyOrMissingBatchIsRefused() throws Exception {
        mvc.perform(json(post("/api/contests/{contestId}/entries/batch", CONTEST_ID), "{\"entries\": []}"))
                .andExpect(invalidFields("entries"));
        mvc.perform(json(post("/api/contests/{contestId}/entries/batch", CONTEST_ID), "{}"))
                .andExpect(invalidFields("entries"));
        verifyNoInteractions(commands);
    }

    @Test
    void aBatchWithAnInstantThatIsNoInstantNamesTheEntry() throws Exception {
        mvc.perform(json(post("/api/contests/{contestId}/entries/batch", CONTEST_ID), """
                        {"entries": [
                          {"participantId": "p-1", "unitId": "HN-HOANKIEM", "submittedAt": "2022-09-01T03:15:00Z"},
                          {"participantId": "p-2", "unitId": "HN-HOANKIEM", "submittedAt": "hôm qua"}
                        ]}
                        """))
                .andExpect(invalidFields("entries[1].submittedAt"));
        verifyNoInteractions(commands);
    }

    @Test
    void aBatchWithAnEntryOfAUnitTheCallerMayNotWriteForIsForbidden() throws Exception {
        given(commands.sendAndWait(any()))
                .willThrow(new NotAllowedException(
                        "unit-not-allowed", "officer-hn-hoankiem may not change what belongs to HN-PHUCTHO"));

        mvc.perform(json(post("/api/contests/{contestId}/entries/batch", CONTEST_ID), batchOf(2)))
                .andExpect(problem(403, "unit-not-allowed"))
                .andExpect(jsonPath("$.detail").value("officer-hn-hoankiem may not change what belongs to HN-PHUCTHO"));
    }

    @Test
    void openingAContestTheCallerMayNotOpenIsForbidden() throws Exception {
        given(commands.sendAndWait(any()))
                .willThrow(new NotAllowedException(
                        "unit-not-allowed", "officer-hn-phuctho may not change what belongs to HN"));

        mvc.perform(json(post("/api/contests"), """
                        {"title": "Cuộc thi", "subject": "15-NQ/TW", "opensAt": "2022-08-01T01:00:00Z",
                         "closesAt": "2022-09-30T16:59:59Z"}
                        """)).andExpect(problem(403, "unit-not-allowed"));
    }

    @Test
    void aBatchForAContestThatDoesNotExistIsNotFound() throws Exception {
        given(commands.sendAndWait(any())).willThrow(new ResourceNotFoundException("contest", CONTEST_ID));

        mvc.perform(json(post("/api/contests/{contestId}/entries/batch", CONTEST_ID), batchOf(2)))
                .andExpect(problem(404, "not-found"));
    }

    @Test
    void readingAContestAnswersItsEntriesDistinctParticipantsAndVersionAsETag() throws Exception {
        given(queries.query(eq(new FindContestQuery(CONTEST_ID)), any(ResponseType.class)))
                .willReturn(CompletableFuture.completedFuture(Optional.of(new ContestView(
                        CONTEST_ID,
                        TITLE,
                        SUBJECT,
                        Instant.parse("2022-08-01T01:00:00Z"),
                        Instant.parse("2022-09-30T16:59:59Z"),
                        1_000_000,
                        700_000,
                        0))));

        mvc.perform(get("/api/contests/{contestId}", CONTEST_ID))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.id").value(CONTEST_ID.toString()))
                .andExpect(jsonPath("$.title").value(TITLE))
                .andExpect(jsonPath("$.subject").value(SUBJECT))
                .andExpect(jsonPath("$.opensAt").value("2022-08-01T01:00:00Z"))
                .andExpect(jsonPath("$.closesAt").value("2022-09-30T16:59:59Z"))
                .andExpect(jsonPath("$.entries").value(1_000_000))
                .andExpect(jsonPath("$.participants").value(700_000))
                .andExpect(jsonPath("$.version").value(0));
    }

    @Test
    void aContestShowsExactlyTheFieldsOfTheApiWithItsIdAsId() throws Exception {
        given(queries.query(eq(new FindContestQuery(CONTEST_ID)), any(ResponseType.class)))
                .willReturn(CompletableFuture.completedFuture(Optional.of(new ContestView(
                        CONTEST_ID,
                        TITLE,
                        SUBJECT,
                        Instant.parse("2022-08-01T01:00:00Z"),
                        Instant.parse("2022-09-30T16:59:59Z"),
                        3,
                        2,
                        0))));

        mvc.perform(get("/api/contests/{contestId}", CONTEST_ID))
                .andExpect(fieldsAt(
                        "", "id", "title", "subject", "opensAt", "closesAt", "entries", "participants", "version"));
    }

    @Test
    void readingAContestThatDoesNotExistIsNotFound() throws Exception {
        given(queries.query(eq(new FindContestQuery(CONTEST_ID)), any(ResponseType.class)))
                .willReturn(CompletableFuture.completedFuture(Optional.empty()));

        mvc.perform(get("/api/contests/{contestId}", CONTEST_ID)).andExpect(problem(404, "not-found"));
    }

    private static String batchOf(int size) {
        StringBuilder body = new StringBuilder("{\"entries\": [");
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                body.append(',');
            }
            body.append("{\"participantId\": \"p-")
                    .append(i)
                    .append(
                            "\", \"unitId\": \"HN-HOANKIEM\", \"submittedAt\": \"2022-09-01T03:15:00Z\", \"score\": 80}");
        }
        return body.append("]}").toString();
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
