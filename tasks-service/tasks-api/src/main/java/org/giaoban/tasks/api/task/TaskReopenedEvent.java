package org.giaoban.tasks.api.task;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The completion of a work item was taken back: it is open again. */
@Revision("1")
public record TaskReopenedEvent(UUID taskId, String reason) {}
