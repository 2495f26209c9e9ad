package org.giaoban.tasks.document.web;

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

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.queryhandling.QueryGateway;
import org.giaoban.platform.problem.DomainRuleViolation;
import org.giaoban.platform.problem.InvalidFieldException;
import org.giaoban.platform.problem.ProblemResponses;
import org.giaoban.tasks.api.document.DocumentKind;
import org.giaoban.tasks.api.document.DocumentPageView;
import org.giaoban.tasks.api.document.DocumentStatus;
import org.giaoban.tasks.api.document.DocumentView;
import org.giaoban.tasks.api.document.FindDocumentQuery;
import org.giaoban.tasks.api.document.FindDocumentsQuery;
import org.giaoban.tasks.api.document.IssueDocumentCommand;
import org.giaoban.tasks.api.document.RevokeDocumentCommand;
import org.giaoban.units.Unit;
import org.giaoban.units.UnitCatalogue;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The document endpoints with the gateways mocked. The slice does not load the platform's auto-configurations, so the
 * problem+json advice is imported; the unit catalogue is the application's own bean.
 */
@WebMvcTest(DocumentController.class)
@Import(ProblemResponses.class)
class DocumentControllerTest {

    private static final UUID DOCUMENT_ID = UUID.fromString("0b7c1e2a-3d4f-4a5b-9c6d-7e8f90a1b2c3");
    private static final UUID TASK_ID = UUID.fromString("6f1c2d3e-4a5b-4c6d-8e7f-901234567890");
    private static final String TITLE = "Kế hoạch tuyên truyền Nghị quyết 15-NQ/TW";

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private CommandGateway commands;

    @MockitoBean
    private QueryGateway queries;

    @Test
    void issuingADocumentAnswersCreatedWithItsLocationAndTheIdOfTheCommand() throws Exception {
        MvcResult result = mvc.perform(json(post("/api/documents"), """
                        {"number": " 123-KH/BTGTU ", "title": "Kế hoạch tuyên truyền Nghị quyết 15-NQ/TW",
                         "kind": "PLAN", "unitId": "HN", "issuedOn": "2022-03-01",
                         "taskId": "6f1c2d3e-4a5b-4c6d-8e7f-901234567890"}
                        """))
                .andExpect(status().isCreated())
                .andReturn();

        ArgumentCaptor<IssueDocumentCommand> sent = ArgumentCaptor.forClass(IssueDocumentCommand.class);
        then(commands).should().sendAndWait(sent.capture());
        IssueDocumentCommand command = sent.getValue();
        assertThat(command)
                .isEqualTo(new IssueDocumentCommand(
                        command.documentId(),
                        "123-KH/BTGTU",
                        TITLE,
                        DocumentKind.PLAN,
                        "HN",
                        LocalDate.of(2022, 3, 1),
                        TASK_ID));
        assertThat(command.documentId()).isNotNull();
        assertThat(result.getResponse().getHeader("Location")).isEqualTo("/api/documents/" + command.documentId());
        assertThat(result.getResponse().getContentAsString())
                .isEqualToIgnoringWhitespace("{\"id\":\"" + command.documentId() + "\"}");
    }

    @Test
    void aBodyThatIsNotJsonIsMalformed() throws Exception {
        mvc.perform(json(post("/api/documents"), "{\"number\": ")).andExpect(problem(400, "malformed-request"));
        verifyNoInteractions(commands);
    }

    @Test
    void missingAndBlankRequiredFieldsAreEachNamed() throws Exception {
        mvc.perform(json(post("/api/documents"), "{\"number\": \"\", \"title\": \"Kế hoạch\", \"unitId\": \"HN\"}"))
                .andExpect(invalidFields("issuedOn", "kind", "number"));
        verifyNoInteractions(commands);
    }

    @Test
    void aKindThatDoesNotExistIsNamed() throws Exception {
        mvc.perform(json(post("/api/documents"), """
                        {"number": "123-KH/BTGTU", "title": "Kế hoạch", "kind": "PLANX", "unitId": "HN",
                         "issuedOn": "2022-03-01"}
                        """)).andExpect(invalidFields("kind"));
        verifyNoInteractions(commands);
    }

    @Test
    void anIssueDateThatIsNoDateIsNamed() throws Exception {
        mvc.perform(json(post("/api/documents"), """
                        {"number": "123-KH/BTGTU", "title": "Kế hoạch", "kind": "PLAN", "unitId": "HN",
                         "issuedOn": "2022-13-01"}
                        """)).andExpect(invalidFields("issuedOn"));
        verifyNoInteractions(commands);
    }

    @Test
    void aBodyThatIsNotJsonIsUnsupported() throws Exception {
        mvc.perform(post("/api/documents").contentType(MediaType.TEXT_PLAIN).content("123-KH/BTGTU"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(415));
        verifyNoInteractions(commands);
    }

    @Test
    void aNumberTheUnitAlreadyUsedIsAConflictNamedByItsRule() throws Exception {
        given(commands.sendAndWait(any()))
                .willThrow(new DomainRuleViolation(
                        "document-number-taken", "Unit HN already has a document numbered 123-KH/BTGTU."));

        mvc.perform(json(post("/api/documents"), """
                        {"number": "123-KH/BTGTU", "title": "Kế hoạch", "kind": "PLAN", "unitId": "HN",
                         "issuedOn": "2022-03-01"}
                        """))
                .andExpect(problem(409, "document-number-taken"))
                .andExpect(jsonPath("$.detail").value("Unit HN already has a document numbered 123-KH/BTGTU."));
    }

    @Test
    void aWorkItemThatDoesNotExistIsAnInvalidField() throws Exception {
        given(commands.sendAndWait(any()))
                .willThrow(new InvalidFieldException("taskId", "no work item has the id " + TASK_ID));

        mvc.perform(json(post("/api/documents"), """
                        {"number": "123-KH/BTGTU", "title": "Kế hoạch", "kind": "PLAN", "unitId": "HN",
                         "issuedOn": "2022-03-01", "taskId": "6f1c2d3e-4a5b-4c6d-8e7f-901234567890"}
                        """)).andExpect(invalidFields("taskId"));
    }

    @Test
    void revokingADocumentSendsTheReasonAndTheVersionInIfMatch() throws Exception {
        mvc.perform(json(post("/api/documents/{documentId}/revoke", DOCUMENT_ID), "{\"reason\": \"Ban hành nhầm\"}")
                        .header("If-Match", "W/\"3\""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(DOCUMENT_ID.toString()));

        then(commands).should().sendAndWait(new RevokeDocumentCommand(DOCUMENT_ID, "Ban hành nhầm", 3L));
    }

    @Test
    void revokingWithoutAReasonIsRefused() throws Exception {
        mvc.perform(json(post("/api/documents/{documentId}/revoke", DOCUMENT_ID), "{}"))
                .andExpect(invalidFields("reason"));
        verifyNoInteractions(commands);
    }

    @Test
    void anIfMatchThatIsNoVersionIsRefused() throws Exception {
        mvc.perform(json(post("/api/documents/{documentId}/revoke", DOCUMENT_ID), "{\"reason\": \"Ban hành nhầm\"}")
                        .header("If-Match", "abc"))
                .andExpect(invalidFields("If-Match"));
        verifyNoInteractions(commands);
    }

    @Test
    void revokingARevokedDocumentIsAConflictNamedByItsRule() throws Exception {
        given(commands.sendAndWait(any()))
                .willThrow(new DomainRuleViolation("document-revoked", "The document is already revoked."));

        mvc.perform(json(post("/api/documents/{documentId}/revoke", DOCUMENT_ID), "{\"reason\": \"Lần nữa\"}"))
                .andExpect(problem(409, "document-revoked"));
    }

    @Test
    void revokingAnUnknownDocumentIsNotFound() throws Exception {
        given(commands.sendAndWait(any()))
                .willThrow(new AggregateNotFoundException(DOCUMENT_ID.toString(), "The aggregate was not found"));

        mvc.perform(json(post("/api/documents/{documentId}/revoke", DOCUMENT_ID), "{\"reason\": \"Ban hành nhầm\"}"))
                .andExpect(problem(404, "not-found"));
    }

    @Test
    void revokingADocumentChangedSinceItWasReadIsAFailedPrecondition() throws Exception {
        given(commands.sendAndWait(any()))
                .willThrow(new ConflictingAggregateVersionException(DOCUMENT_ID.toString(), 0, 1));

        mvc.perform(json(post("/api/documents/{documentId}/revoke", DOCUMENT_ID), "{\"reason\": \"Ban hành nhầm\"}")
                        .header("If-Match", "\"0\""))
                .andExpect(problem(412, "stale-version"));
    }

    @Test
    void anIdThatIsNoUuidIsAnInvalidField() throws Exception {
        mvc.perform(get("/api/documents/{documentId}", "123-KH")).andExpect(invalidFields("documentId"));
        mvc.perform(json(post("/api/documents/{documentId}/revoke", "123-KH"), "{\"reason\": \"Ban hành nhầm\"}"))
                .andExpect(invalidFields("documentId"));
        verifyNoInteractions(commands, queries);
    }

    @Test
    void readingADocumentAnswersItsFieldsAndItsVersionAsETag() throws Exception {
        given(queries.query(eq(new FindDocumentQuery(DOCUMENT_ID)), any(ResponseType.class)))
                .willReturn(CompletableFuture.completedFuture(Optional.of(new DocumentView(
                        DOCUMENT_ID,
                        "123-KH/BTGTU",
                        TITLE,
                        DocumentKind.PLAN,
                        "HN",
                        LocalDate.of(2022, 3, 1),
                        TASK_ID,
                        DocumentStatus.REVOKED,
                        1))));

        mvc.perform(get("/api/documents/{documentId}", DOCUMENT_ID))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.id").value(DOCUMENT_ID.toString()))
                .andExpect(jsonPath("$.number").value("123-KH/BTGTU"))
                .andExpect(jsonPath("$.title").value(TITLE))
                .andExpect(jsonPath("$.kind").value("PLAN"))
                .andExpect(jsonPath("$.unitId").value("HN"))
                .andExpect(jsonPath("$.issuedOn").value("2022-03-01"))
                .andExpect(jsonPath("$.taskId").value(TASK_ID.toString()))
                .andExpect(jsonPath("$.status").value("REVOKED"))
                .andExpect(jsonPath("$.version").value(1));
    }

    @Test
    void aDocumentAndEachDocumentOfAListShowExactlyTheFieldsOfTheApiWithTheirIdAsId() throws Exception {
        DocumentView document = new DocumentView(
                DOCUMENT_ID,
                "123-KH/BTGTU",
                TITLE,
                DocumentKind.PLAN,
                "HN",
                LocalDate.of(2022, 3, 1),
                TASK_ID,
                DocumentStatus.ISSUED,
                0);
        given(queries.query(eq(new FindDocumentQuery(DOCUMENT_ID)), any(ResponseType.class)))
                .willReturn(CompletableFuture.completedFuture(Optional.of(document)));
        given(queries.query(any(FindDocumentsQuery.class), eq(DocumentPageView.class)))
                .willReturn(CompletableFuture.completedFuture(new DocumentPageView(List.of(document), 0, 50, 1)));
        String[] fields = {"id", "number", "title", "kind", "unitId", "issuedOn", "taskId", "status", "version"};

        mvc.perform(get("/api/documents/{documentId}", DOCUMENT_ID)).andExpect(fieldsAt("", fields));
        mvc.perform(get("/api/documents")).andExpect(fieldsAt("/items/0", fields));
    }

    @Test
    void readingAnUnknownDocumentIsNotFound() throws Exception {
        given(queries.query(eq(new FindDocumentQuery(DOCUMENT_ID)), any(ResponseType.class)))
                .willReturn(CompletableFuture.completedFuture(Optional.empty()));

        mvc.perform(get("/api/documents/{documentId}", DOCUMENT_ID)).andExpect(problem(404, "not-found"));
    }

    @Test
    void listingAskedForTheCityIncludesEveryUnitUnderIt() throws Exception {
        DocumentView document = new DocumentView(
                DOCUMENT_ID,
                "123-KH/BTGTU",
                TITLE,
                DocumentKind.PLAN,
                "HN-QUOCOAI",
                LocalDate.of(2022, 3, 1),
                null,
                DocumentStatus.ISSUED,
                0);
        given(queries.query(any(FindDocumentsQuery.class), eq(DocumentPageView.class)))
                .willReturn(CompletableFuture.completedFuture(new DocumentPageView(List.of(document), 0, 50, 1420)));

        mvc.perform(get("/api/documents")
                        .param("unitId", "HN")
                        .param("kind", "PLAN")
                        .param("status", "ISSUED")
                        .param("issuedFrom", "2022-01-01")
                        .param("issuedTo", "2022-09-08"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].title").value(TITLE))
                .andExpect(jsonPath("$.items[0].unitId").value("HN-QUOCOAI"))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(50))
                .andExpect(jsonPath("$.total").value(1420));

        FindDocumentsQuery query = sentListQuery();
        List<String> everyUnit =
                UnitCatalogue.hanoi().all().stream().map(Unit::id).toList();
        assertThat(query.unitIds())
                .containsExactlyInAnyOrderElementsOf(everyUnit)
                .contains("HN-DAIPTTH");
        assertThat(query)
                .isEqualTo(new FindDocumentsQuery(
                        query.unitIds(),
                        DocumentKind.PLAN,
                        DocumentStatus.ISSUED,
                        LocalDate.of(2022, 1, 1),
                        LocalDate.of(2022, 9, 8),
                        0,
                        50));
    }

    @Test
    void listingAskedForADistrictIncludesOnlyThatDistrict() throws Exception {
        given(queries.query(any(FindDocumentsQuery.class), eq(DocumentPageView.class)))
                .willReturn(CompletableFuture.completedFuture(new DocumentPageView(List.of(), 1, 20, 0)));

        mvc.perform(get("/api/documents")
                        .param("unitId", "HN-HOANKIEM")
                        .param("page", "1")
                        .param("size", "20"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items").isEmpty());

        assertThat(sentListQuery())
                .isEqualTo(new FindDocumentsQuery(Set.of("HN-HOANKIEM"), null, null, null, null, 1, 20));
    }

    @Test
    void listingByAKindThatDoesNotExistIsRefused() throws Exception {
        mvc.perform(get("/api/documents").param("kind", "PLANX")).andExpect(invalidFields("kind"));
        verifyNoInteractions(queries);
    }

    @Test
    void anIssueRangeThatEndsBeforeItStartsIsRefused() throws Exception {
        mvc.perform(get("/api/documents").param("issuedFrom", "2022-09-08").param("issuedTo", "2022-01-01"))
                .andExpect(invalidFields("issuedTo"));
        verifyNoInteractions(queries);
    }

    @Test
    void listingAnUnknownUnitIsRefused() throws Exception {
        mvc.perform(get("/api/documents").param("unitId", "HN-ATLANTIS")).andExpect(invalidFields("unitId"));
        verifyNoInteractions(queries);
    }

    @Test
    void aPageOfMoreThanFiveHundredOrANegativePageIsRefused() throws Exception {
        mvc.perform(get("/api/documents").param("size", "501")).andExpect(invalidFields("size"));
        mvc.perform(get("/api/documents").param("page", "-1")).andExpect(invalidFields("page"));
        mvc.perform(get("/api/documents").param("page", "-1").param("size", "0"))
                .andExpect(invalidFields("page", "size"));
        verifyNoInteractions(queries);
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private FindDocumentsQuery sentListQuery() {
        ArgumentCaptor<FindDocumentsQuery> sent = ArgumentCaptor.forClass(FindDocumentsQuery.class);
        then(queries).should().query(sent.capture(), eq(DocumentPageView.class));
        return sent.getValue();
    }
}
