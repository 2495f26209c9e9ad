package org.giaoban.tasks.document.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.giaoban.platform.testing.InMemoryMongo;
import org.giaoban.tasks.api.document.DocumentIssuedEvent;
import org.giaoban.tasks.api.document.DocumentKind;
import org.giaoban.tasks.api.document.DocumentPageView;
import org.giaoban.tasks.api.document.DocumentRevokedEvent;
import org.giaoban.tasks.api.document.DocumentStatus;
import org.giaoban.tasks.api.document.DocumentView;
import org.giaoban.tasks.api.document.FindDocumentQuery;
import org.giaoban.tasks.api.document.FindDocumentsQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DocumentListProjectionTest {

    private static final UUID PLAN = UUID.fromString("00000000-0000-0000-0000-0000000000d1");
    private static final UUID REPORT = UUID.fromString("00000000-0000-0000-0000-0000000000d2");
    private static final UUID TASK = UUID.fromString("00000000-0000-0000-0000-00000000000a");

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final DocumentListProjection projection =
            new DocumentListProjection(new DocumentListRepository(mongo.template()));

    @AfterEach
    void stopMongo() {
        mongo.close();
    }

    @Test
    void anIssuedDocumentIsListedWithItsNumberAndWorkItem() {
        projection.on(issued(PLAN, DocumentKind.PLAN, "HN", LocalDate.of(2022, 3, 1), TASK), 0);

        DocumentView document = projection.handle(new FindDocumentQuery(PLAN)).orElseThrow();
        assertThat(document.number()).isEqualTo("123-KH/BTGTU");
        assertThat(document.title()).isEqualTo("Kế hoạch tuyên truyền kỷ niệm");
        assertThat(document.taskId()).isEqualTo(TASK);
        assertThat(document.status()).isEqualTo(DocumentStatus.ISSUED);
    }

    @Test
    void aRevokedDocumentStaysRevokedWhenItsIssueIsDeliveredAgain() {
        DocumentIssuedEvent issued = issued(PLAN, DocumentKind.PLAN, "HN", LocalDate.of(2022, 3, 1), null);
        projection.on(issued, 0);
        projection.on(new DocumentRevokedEvent(PLAN, "ban hành nhầm"), 1);

        projection.on(issued, 0);

        DocumentView document = projection.handle(new FindDocumentQuery(PLAN)).orElseThrow();
        assertThat(document.status()).isEqualTo(DocumentStatus.REVOKED);
        assertThat(document.version()).isEqualTo(1);
    }

    @Test
    void theListFiltersByUnitKindStatusAndIssueDates() {
        projection.on(issued(PLAN, DocumentKind.PLAN, "HN", LocalDate.of(2022, 3, 1), null), 0);
        projection.on(issued(REPORT, DocumentKind.REPORT, "HN-QUOCOAI", LocalDate.of(2022, 9, 20), null), 0);
        projection.on(new DocumentRevokedEvent(REPORT, "thay thế"), 1);

        assertThat(ids(list(Set.of("HN-QUOCOAI"), null, null, null, null))).containsExactly(REPORT);
        assertThat(ids(list(null, DocumentKind.PLAN, null, null, null))).containsExactly(PLAN);
        assertThat(ids(list(null, null, DocumentStatus.ISSUED, null, null))).containsExactly(PLAN);
        assertThat(ids(list(null, null, null, LocalDate.of(2022, 1, 1), LocalDate.of(2022, 9, 8))))
                .containsExactly(PLAN);
        assertThat(list(null, null, null, null, null).total()).isEqualTo(2);
    }

    @Test
    void aResetEmptiesTheListForTheReplay() {
        projection.on(issued(PLAN, DocumentKind.PLAN, "HN", LocalDate.of(2022, 3, 1), null), 0);

        projection.onReset();

        assertThat(projection.handle(new FindDocumentQuery(PLAN))).isEmpty();
    }

    private DocumentPageView list(
            Set<String> units, DocumentKind kind, DocumentStatus status, LocalDate from, LocalDate to) {
        return projection.handle(new FindDocumentsQuery(units, kind, status, from, to, 0, 50));
    }

    private static DocumentIssuedEvent issued(
            UUID documentId, DocumentKind kind, String unitId, LocalDate issuedOn, UUID taskId) {
        String number = documentId.equals(PLAN) ? "123-KH/BTGTU" : "45-BC/BTGHU";
        return new DocumentIssuedEvent(
                documentId, number, "Kế hoạch tuyên truyền kỷ niệm", kind, unitId, issuedOn, taskId);
    }

    private static List<UUID> ids(DocumentPageView page) {
        return page.items().stream().map(DocumentView::documentId).toList();
    }
}
