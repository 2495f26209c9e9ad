package org.giaoban.tasks.api.task;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Moves the due date of an open work item, for a stated reason. */
public record RescheduleTaskCommand(
        @TargetAggregateIdentifier UUID taskId,
        LocalDate dueOn,
        String reason,
        @TargetAggregateVersion Long expectedVersion) {}
