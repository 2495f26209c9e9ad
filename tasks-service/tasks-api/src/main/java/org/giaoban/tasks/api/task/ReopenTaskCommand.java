package org.giaoban.tasks.api.task;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Takes back the completion of a work item, for a stated reason. */
public record ReopenTaskCommand(
        @TargetAggregateIdentifier UUID taskId,
        String reason,
        @TargetAggregateVersion Long expectedVersion) {}
