package org.giaoban.tasks.api.task;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A work item was withdrawn from the programme; it no longer counts as due. */
@Revision("1")
public record TaskCancelledEvent(UUID taskId, String reason) {}
