package org.giaoban.tasks.api.task;

import java.time.LocalDate;
import java.util.UUID;

/** A work item as it stands; {@code version} is the sequence number of its last event, as If-Match expects it. */
public record TaskView(
        UUID taskId,
        String programme,
        String title,
        String description,
        String unitId,
        LocalDate dueOn,
        TaskStatus status,
        LocalDate completedOn,
        long version) {}
