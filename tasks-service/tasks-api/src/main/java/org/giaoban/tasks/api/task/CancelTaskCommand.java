package org.giaoban.tasks.api.task;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Withdraws an open work item from the programme, for a stated reason. */
public record CancelTaskCommand(
        @TargetAggregateIdentifier UUID taskId,
        String reason,
        @TargetAggregateVersion Long expectedVersion) {}
