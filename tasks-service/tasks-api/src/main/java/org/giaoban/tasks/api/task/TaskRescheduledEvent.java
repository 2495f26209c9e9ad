package org.giaoban.tasks.api.task;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A work item's due date moved from {@code previousDueOn} to {@code dueOn}. */
@Revision("1")
public record TaskRescheduledEvent(UUID taskId, LocalDate previousDueOn, LocalDate dueOn, String reason) {}
