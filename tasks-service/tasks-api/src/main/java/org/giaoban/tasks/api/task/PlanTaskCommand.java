package org.giaoban.tasks.api.task;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds a work item to a unit's programme, due on a date. */
public record PlanTaskCommand(
        @TargetAggregateIdentifier UUID taskId,
        String programme,
        String title,
        String description,
        String unitId,
        LocalDate dueOn) {}
