package org.giaoban.reporting.briefing.query;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.giaoban.reporting.briefing.query.UnitDocumentFacts.DocumentFact;
import org.giaoban.reporting.briefing.query.UnitTaskFacts.TaskFact;
import org.giaoban.tasks.api.document.DocumentIssuedEvent;
import org.giaoban.tasks.api.document.DocumentRevokedEvent;
import org.giaoban.tasks.api.task.TaskCancelledEvent;
import org.giaoban.tasks.api.task.TaskCompletedEvent;
import org.giaoban.tasks.api.task.TaskPlannedEvent;
import org.giaoban.tasks.api.task.TaskReopenedEvent;
import org.giaoban.tasks.api.task.TaskRescheduledEvent;
import org.giaoban.tasks.api.task.TaskStatus;

/**
 * The briefing facts of tasks-service: reads the events of work items (planned, completed, reopened, rescheduled,
 * cancelled) and of documents (issued, revoked) into {@link UnitTaskFacts} and {@link UnitDocumentFacts}. Each fact
 * keeps the sequence number of the last event applied to its record, so a redelivered event changes nothing.
 */
@ProcessingGroup(TaskFactsProjection.NAME)
public class TaskFactsProjection {

    public static final String NAME = "briefing-tasks";

    private final BriefingFacts facts;

    public TaskFactsProjection(BriefingFacts facts) {
        this.facts = facts;
    }

    @EventHandler
    void on(TaskPlannedEvent event, @SequenceNumber long sequence) {
        String factsId = UnitTaskFacts.idOf(event.unitId());
        String taskId = event.taskId().toString();
        facts.index(taskId, factsId);
        UnitTaskFacts unit =
                facts.find(factsId, UnitTaskFacts.class).orElseGet(() -> UnitTaskFacts.empty(event.unitId()));
        if (unit.tasks().containsKey(taskId)) {
            return;
        }
        Map<String, TaskFact> tasks = new HashMap<>(unit.tasks());
        tasks.put(taskId, new TaskFact(event.programme(), event.dueOn(), TaskStatus.OPEN, null, sequence));
        facts.save(new UnitTaskFacts(unit.id(), unit.unitId(), tasks));
    }

    @EventHandler
    void on(TaskCompletedEvent event, @SequenceNumber long sequence) {
        updateTask(event.taskId(), sequence, task -> task.with(TaskStatus.COMPLETED, event.completedOn(), sequence));
    }

    @EventHandler
    void on(TaskReopenedEvent event, @SequenceNumber long sequence) {
        updateTask(event.taskId(), sequence, task -> task.with(TaskStatus.OPEN, null, sequence));
    }

    @EventHandler
    void on(TaskRescheduledEvent event, @SequenceNumber long sequence) {
        updateTask(event.taskId(), sequence, task -> task.dueOn(event.dueOn(), sequence));
    }

    @EventHandler
    void on(TaskCancelledEvent event, @SequenceNumber long sequence) {
        updateTask(event.taskId(), sequence, task -> task.with(TaskStatus.CANCELLED, null, sequence));
    }

    @EventHandler
    void on(DocumentIssuedEvent event, @SequenceNumber long sequence) {
        int year = event.issuedOn().getYear();
        String factsId = UnitDocumentFacts.idOf(event.unitId(), year);
        String documentId = event.documentId().toString();
        facts.index(documentId, factsId);
        UnitDocumentFacts unit = facts.find(factsId, UnitDocumentFacts.class)
                .orElseGet(() -> UnitDocumentFacts.empty(event.unitId(), year));
        if (unit.documents().containsKey(documentId)) {
            return;
        }
        Map<String, DocumentFact> documents = new HashMap<>(unit.documents());
        documents.put(documentId, new DocumentFact(event.kind(), event.issuedOn(), false, sequence));
        facts.save(new UnitDocumentFacts(unit.id(), unit.unitId(), unit.year(), documents));
    }

    @EventHandler
    void on(DocumentRevokedEvent event, @SequenceNumber long sequence) {
        String documentId = event.documentId().toString();
        UnitDocumentFacts unit =
                facts.find(factsIdOf(documentId), UnitDocumentFacts.class).orElseThrow(() -> unknownRecord(documentId));
        DocumentFact document = unit.documents().get(documentId);
        if (document == null) {
            throw unknownRecord(documentId);
        }
        if (document.version() >= sequence) {
            return;
        }
        Map<String, DocumentFact> documents = new HashMap<>(unit.documents());
        documents.put(documentId, new DocumentFact(document.kind(), document.issuedOn(), true, sequence));
        facts.save(new UnitDocumentFacts(unit.id(), unit.unitId(), unit.year(), documents));
    }

    private void updateTask(UUID taskUuid, long sequence, UnaryOperator<TaskFact> change) {
        String taskId = taskUuid.toString();
        UnitTaskFacts unit =
                facts.find(factsIdOf(taskId), UnitTaskFacts.class).orElseThrow(() -> unknownRecord(taskId));
        TaskFact task = unit.tasks().get(taskId);
        if (task == null) {
            throw unknownRecord(taskId);
        }
        if (task.version() >= sequence) {
            return;
        }
        Map<String, TaskFact> tasks = new HashMap<>(unit.tasks());
        tasks.put(taskId, change.apply(task));
        facts.save(new UnitTaskFacts(unit.id(), unit.unitId(), tasks));
    }

    private String factsIdOf(String recordId) {
        return facts.factsIdOf(recordId).orElseThrow(() -> unknownRecord(recordId));
    }

    /** An event about a record whose first event was never applied: the read model cannot be right, so stop. */
    private static IllegalStateException unknownRecord(String recordId) {
        return new IllegalStateException("No briefing facts hold record " + recordId + ": its first event is missing");
    }
}
