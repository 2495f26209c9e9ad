package org.giaoban.tasks.document.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.giaoban.platform.testing.Refusals.invalidField;
import static org.giaoban.platform.testing.Refusals.ruleViolation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.giaoban.identity.Caller;
import org.giaoban.identity.Role;
import org.giaoban.platform.access.CallerMetadata;
import org.giaoban.platform.access.UnitWriteAccess;
import org.giaoban.platform.axon.CommandCallerResolverFactory;
import org.giaoban.platform.problem.NotAllowedException;
import org.giaoban.tasks.api.document.DocumentIssuedEvent;
import org.giaoban.tasks.api.document.DocumentKind;
import org.giaoban.tasks.api.document.DocumentRevokedEvent;
import org.giaoban.tasks.api.document.IssueDocumentCommand;
import org.giaoban.tasks.api.document.RevokeDocumentCommand;
import org.giaoban.units.UnitCatalogue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DocumentTest {

    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

    /** 01:30 on 8 September 2022 in Hanoi, which is still 7 September in UTC. */
    private static final Clock TODAY_IN_HANOI =
            Clock.fixed(ZonedDateTime.of(2022, 9, 8, 1, 30, 0, 0, HANOI).toInstant(), HANOI);

    private static final LocalDate TODAY = LocalDate.of(2022, 9, 8);
    private static final UUID DOCUMENT_ID = UUID.fromString("0b7c1e2a-3d4f-4a5b-9c6d-7e8f90a1b2c3");
    private static final UUID OTHER_DOCUMENT_ID = UUID.fromString("1c8d2f3b-4e5a-4b6c-8d7e-8f9a0b1c2d3e");
    private static final UUID TASK_ID = UUID.fromString("6f1c2d3e-4a5b-4c6d-8e7f-901234567890");
    private static final String NUMBER = "123-KH/BTGTU";
    private static final String TITLE = "Kế hoạch tuyên truyền Nghị quyết 15-NQ/TW";
    private static final LocalDate ISSUED_ON = LocalDate.of(2022, 3, 1);

    private static final DocumentIssuedEvent ISSUED =
            new DocumentIssuedEvent(DOCUMENT_ID, NUMBER, TITLE, DocumentKind.PLAN, "HN", ISSUED_ON, TASK_ID);

    /** The only work item planned so far. */
    private static final KnownTasks KNOWN_TASKS = Set.of(TASK_ID)::contains;

    private final ClaimedNumbers numbers = new ClaimedNumbers();
    private FixtureConfiguration<Document> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Document.class)
                .registerInjectableResource(UnitCatalogue.hanoi())
                .registerParameterResolverFactory(
                        new CommandCallerResolverFactory(new UnitWriteAccess(UnitCatalogue.hanoi())))
                .registerInjectableResource(TODAY_IN_HANOI)
                .registerInjectableResource(KNOWN_TASKS)
                .registerInjectableResource(numbers);
    }

    @Test
    void issuingADocumentRecordsItAndClaimsItsNumberInItsUnit() {
        fixture.givenNoPriorActivity()
                .when(new IssueDocumentCommand(DOCUMENT_ID, NUMBER, TITLE, DocumentKind.PLAN, "HN", ISSUED_ON, TASK_ID))
                .expectSuccessfulHandlerExecution()
                .expectEvents(ISSUED);
        assertThat(numbers.holder("HN", NUMBER)).isEqualTo(DOCUMENT_ID);
    }

    @Test
    void aDistrictOfficerCannotIssueADocumentInTheCitysNameNorClaimItsNumber() {
        fixture.givenNoPriorActivity()
                .when(
                        new IssueDocumentCommand(
                                DOCUMENT_ID, NUMBER, TITLE, DocumentKind.PLAN, "HN", ISSUED_ON, TASK_ID),
                        CallerMetadata.of(Caller.of("hoankiem", List.of(Role.OFFICER), "HN-HOANKIEM")))
                .expectNoEvents()
                .expectException(NotAllowedException.class);
        assertThat(numbers.holder("HN", NUMBER)).isNull();
    }

    @Test
    void anOfficerIssuesADocumentForItsOwnUnit() {
        fixture.givenNoPriorActivity()
                .when(
                        new IssueDocumentCommand(
                                DOCUMENT_ID, NUMBER, TITLE, DocumentKind.PLAN, "HN", ISSUED_ON, TASK_ID),
                        CallerMetadata.of(Caller.of("thanhpho", List.of(Role.OFFICER), "HN")))
                .expectEvents(ISSUED);
    }

    @Test
    void onlyTheIssuingUnitsOfficersRevokeADocument() {
        fixture.given(ISSUED)
                .when(
                        new RevokeDocumentCommand(DOCUMENT_ID, "Ban hành nhầm", null),
                        CallerMetadata.of(Caller.of("hoankiem", List.of(Role.OFFICER), "HN-HOANKIEM")))
                .expectNoEvents()
                .expectException(NotAllowedException.class);
    }

    @Test
    void aDocumentNeedNotServeAWorkItem() {
        fixture.givenNoPriorActivity()
                .when(new IssueDocumentCommand(
                        DOCUMENT_ID, NUMBER, TITLE, DocumentKind.RESOLUTION, "HN-HOANKIEM", TODAY, null))
                .expectEvents(new DocumentIssuedEvent(
                        DOCUMENT_ID, NUMBER, TITLE, DocumentKind.RESOLUTION, "HN-HOANKIEM", TODAY, null));
    }

    @Test
    void cannotIssueADocumentForAnUnknownUnit() {
        fixture.givenNoPriorActivity()
                .when(new IssueDocumentCommand(
                        DOCUMENT_ID, NUMBER, TITLE, DocumentKind.PLAN, "HN-ATLANTIS", ISSUED_ON, null))
                .expectNoEvents()
                .expectException(invalidField("unitId"));
        assertThat(numbers.holder("HN-ATLANTIS", NUMBER)).isNull();
    }

    @Test
    void cannotIssueADocumentDatedInTheFuture() {
        fixture.givenNoPriorActivity()
                .when(new IssueDocumentCommand(
                        DOCUMENT_ID, NUMBER, TITLE, DocumentKind.PLAN, "HN", TODAY.plusDays(1), null))
                .expectNoEvents()
                .expectException(invalidField("issuedOn"))
                .expectExceptionMessage("may not be in the future");
        assertThat(numbers.holder("HN", NUMBER)).isNull();
    }

    @Test
    void cannotIssueADocumentForAWorkItemThatDoesNotExist() {
        UUID unknownTaskId = UUID.fromString("99999999-9999-4999-8999-999999999999");
        fixture.givenNoPriorActivity()
                .when(new IssueDocumentCommand(
                        DOCUMENT_ID, NUMBER, TITLE, DocumentKind.PLAN, "HN", ISSUED_ON, unknownTaskId))
                .expectNoEvents()
                .expectException(invalidField("taskId"))
                .expectExceptionMessage("no work item has the id " + unknownTaskId);
        assertThat(numbers.holder("HN", NUMBER)).isNull();
    }

    @Test
    void cannotIssueANumberTheUnitAlreadyUsed() {
        numbers.claim("HN", NUMBER, OTHER_DOCUMENT_ID);

        fixture.givenNoPriorActivity()
                .when(new IssueDocumentCommand(DOCUMENT_ID, NUMBER, TITLE, DocumentKind.PLAN, "HN", ISSUED_ON, null))
                .expectNoEvents()
                .expectException(ruleViolation("document-number-taken"))
                .expectExceptionMessage("Unit HN already has a document numbered " + NUMBER + ".");
        assertThat(numbers.holder("HN", NUMBER)).isEqualTo(OTHER_DOCUMENT_ID);
    }

    @Test
    void anotherUnitMayUseTheSameNumber() {
        numbers.claim("HN", NUMBER, OTHER_DOCUMENT_ID);

        fixture.givenNoPriorActivity()
                .when(new IssueDocumentCommand(
                        DOCUMENT_ID, NUMBER, TITLE, DocumentKind.PLAN, "HN-QUOCOAI", ISSUED_ON, null))
                .expectEvents(new DocumentIssuedEvent(
                        DOCUMENT_ID, NUMBER, TITLE, DocumentKind.PLAN, "HN-QUOCOAI", ISSUED_ON, null));
        assertThat(numbers.holder("HN-QUOCOAI", NUMBER)).isEqualTo(DOCUMENT_ID);
    }

    @Test
    void revokingAnIssuedDocumentRecordsTheReason() {
        fixture.given(ISSUED)
                .when(new RevokeDocumentCommand(DOCUMENT_ID, "Ban hành nhầm", null))
                .expectEvents(new DocumentRevokedEvent(DOCUMENT_ID, "Ban hành nhầm"));
    }

    @Test
    void cannotRevokeADocumentTwice() {
        fixture.given(ISSUED, new DocumentRevokedEvent(DOCUMENT_ID, "Ban hành nhầm"))
                .when(new RevokeDocumentCommand(DOCUMENT_ID, "Lần nữa", null))
                .expectNoEvents()
                .expectException(ruleViolation("document-revoked"));
    }

    /** Document numbers held in memory: the first document to claim a number in a unit keeps it. */
    private static final class ClaimedNumbers implements DocumentNumbers {

        private final Map<String, UUID> holders = new HashMap<>();

        @Override
        public boolean claim(String unitId, String number, UUID documentId) {
            return holders.putIfAbsent(unitId + " " + number, documentId) == null;
        }

        UUID holder(String unitId, String number) {
            return holders.get(unitId + " " + number);
        }
    }
}
