package org.giaoban.tasks.api.task;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A work item was added to a unit's programme, due on a date. */
@Revision("1")
public record TaskPlannedEvent(
        UUID taskId, String programme, String title, String description, String unitId, LocalDate dueOn) {}
