package org.giaoban.reporting.briefing.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;
import org.giaoban.reporting.briefing.query.UnitDocumentFacts.DocumentFact;
import org.giaoban.reporting.briefing.query.UnitTaskFacts.TaskFact;
import org.giaoban.tasks.api.document.DocumentIssuedEvent;
import org.giaoban.tasks.api.document.DocumentKind;
import org.giaoban.tasks.api.document.DocumentRevokedEvent;
import org.giaoban.tasks.api.task.TaskCancelledEvent;
import org.giaoban.tasks.api.task.TaskCompletedEvent;
import org.giaoban.tasks.api.task.TaskPlannedEvent;
import org.giaoban.tasks.api.task.TaskReopenedEvent;
import org.giaoban.tasks.api.task.TaskRescheduledEvent;
import org.giaoban.tasks.api.task.TaskStatus;
import org.junit.jupiter.api.Test;

class TaskFactsProjectionTest {

    private static final UUID TASK_ID = UUID.fromString("6f1c2d3e-4a5b-4c6d-8e7f-901234567890");
    private static final UUID DOCUMENT_ID = UUID.fromString("0b7c1e2a-3d4f-4a5b-9c6d-7e8f90a1b2c3");
    private static final LocalDate DUE_ON = LocalDate.of(2022, 6, 30);

    private final InMemoryBriefingFacts facts = new InMemoryBriefingFacts();
    private final TaskFactsProjection projection = new TaskFactsProjection(facts);

    @Test
    void aPlannedItemIsOpenUnderItsResponsibleUnit() {
        projection.on(planned(), 0);

        assertThat(task()).isEqualTo(new TaskFact("2022", DUE_ON, TaskStatus.OPEN, null, 0));
        assertThat(facts.factsIdOf(TASK_ID.toString())).hasValue("tasks|HN-LONGBIEN");
    }

    @Test
    void completingReopeningReschedulingAndCancellingChangeTheFact() {
        projection.on(planned(), 0);
        projection.on(new TaskCompletedEvent(TASK_ID, LocalDate.of(2022, 6, 28), "Xong"), 1);
        assertThat(task()).isEqualTo(new TaskFact("2022", DUE_ON, TaskStatus.COMPLETED, LocalDate.of(2022, 6, 28), 1));

        projection.on(new TaskReopenedEvent(TASK_ID, "Thiếu"), 2);
        assertThat(task().status()).isEqualTo(TaskStatus.OPEN);
        assertThat(task().completedOn()).isNull();

        projection.on(new TaskRescheduledEvent(TASK_ID, DUE_ON, LocalDate.of(2022, 11, 1), "Lùi"), 3);
        assertThat(task().dueOn()).isEqualTo(LocalDate.of(2022, 11, 1));

        projection.on(new TaskCancelledEvent(TASK_ID, "Bỏ"), 4);
        assertThat(task()).isEqualTo(new TaskFact("2022", LocalDate.of(2022, 11, 1), TaskStatus.CANCELLED, null, 4));
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        projection.on(planned(), 0);
        projection.on(new TaskCompletedEvent(TASK_ID, LocalDate.of(2022, 6, 28), "Xong"), 1);
        projection.on(new TaskReopenedEvent(TASK_ID, "Thiếu"), 2);

        projection.on(planned(), 0);
        projection.on(new TaskCompletedEvent(TASK_ID, LocalDate.of(2022, 6, 28), "Xong"), 1);

        assertThat(task()).isEqualTo(new TaskFact("2022", DUE_ON, TaskStatus.OPEN, null, 2));
    }

    @Test
    void anEventAboutAnItemNeverPlannedStopsTheProjection() {
        assertThatThrownBy(() -> projection.on(new TaskCompletedEvent(TASK_ID, DUE_ON, "Xong"), 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(TASK_ID.toString());
    }

    @Test
    void aDocumentIsHeldByItsUnitAndYearUntilRevoked() {
        projection.on(issued(), 0);
        assertThat(document()).isEqualTo(new DocumentFact(DocumentKind.PLAN, LocalDate.of(2022, 3, 1), false, 0));

        projection.on(new DocumentRevokedEvent(DOCUMENT_ID, "Nhầm"), 1);
        projection.on(new DocumentRevokedEvent(DOCUMENT_ID, "Nhầm"), 1);
        projection.on(issued(), 0);

        assertThat(document()).isEqualTo(new DocumentFact(DocumentKind.PLAN, LocalDate.of(2022, 3, 1), true, 1));
    }

    private static TaskPlannedEvent planned() {
        return new TaskPlannedEvent(TASK_ID, "2022", "Hội nghị", "Mô tả", "HN-LONGBIEN", DUE_ON);
    }

    private static DocumentIssuedEvent issued() {
        return new DocumentIssuedEvent(
                DOCUMENT_ID, "123-KH/BTGTU", "Kế hoạch", DocumentKind.PLAN, "HN", LocalDate.of(2022, 3, 1), null);
    }

    private TaskFact task() {
        return facts.find(UnitTaskFacts.idOf("HN-LONGBIEN"), UnitTaskFacts.class)
                .orElseThrow()
                .tasks()
                .get(TASK_ID.toString());
    }

    private DocumentFact document() {
        return facts.find(UnitDocumentFacts.idOf("HN", 2022), UnitDocumentFacts.class)
                .orElseThrow()
                .documents()
                .get(DOCUMENT_ID.toString());
    }
}
