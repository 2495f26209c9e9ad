package org.giaoban.tasks.api.task;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A work item was done on a date. */
@Revision("1")
public record TaskCompletedEvent(UUID taskId, LocalDate completedOn, String note) {}
