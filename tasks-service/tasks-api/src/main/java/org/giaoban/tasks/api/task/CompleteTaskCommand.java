package org.giaoban.tasks.api.task;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Records that an open work item was done on a date, not in the future; {@code expectedVersion} may be null. */
public record CompleteTaskCommand(
        @TargetAggregateIdentifier UUID taskId,
        LocalDate completedOn,
        String note,
        @TargetAggregateVersion Long expectedVersion) {}
