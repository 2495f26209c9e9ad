package org.giaoban.tasks.task.query;

import java.time.LocalDate;
import java.util.UUID;
import org.giaoban.tasks.api.task.TaskStatus;
import org.giaoban.tasks.api.task.TaskView;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One work item as the list and detail endpoints show it, keyed by its id. {@code version} is the sequence number of
 * the last event applied, which makes every update idempotent: an event at or below it was already applied.
 */
@Document(TaskListDocument.COLLECTION)
public record TaskListDocument(
        @Id String taskId,
        String programme,
        String title,
        String description,
        String unitId,
        LocalDate dueOn,
        TaskStatus status,
        LocalDate completedOn,
        long version) {

    public static final String COLLECTION = "task_list";

    TaskView toView() {
        return new TaskView(
                UUID.fromString(taskId), programme, title, description, unitId, dueOn, status, completedOn, version);
    }
}
