package org.giaoban.tasks.task.web;

import java.time.LocalDate;
import java.util.UUID;
import org.giaoban.tasks.api.task.TaskStatus;
import org.giaoban.tasks.api.task.TaskView;

/** A work item as API.md shows it. */
record TaskResponse(
        UUID id,
        String programme,
        String title,
        String description,
        String unitId,
        LocalDate dueOn,
        TaskStatus status,
        LocalDate completedOn,
        long version) {

    static TaskResponse of(TaskView task) {
        return new TaskResponse(
                task.taskId(),
                task.programme(),
                task.title(),
                task.description(),
                task.unitId(),
                task.dueOn(),
                task.status(),
                task.completedOn(),
                task.version());
    }
}
