package org.giaoban.training.api.plan;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Records a unit's training plan for a year, replacing the one recorded before. {@code planId} is
 * {@code <unitId>/<year>} (see {@link #planIdOf}). {@code expectedVersion}, when not null, is the version the caller
 * last read (its {@code If-Match}); the plan checks it itself, since a command that may create its aggregate is not
 * checked by Axon.
 */
public record RecordTrainingPlanCommand(
        @TargetAggregateIdentifier String planId,
        String unitId,
        int year,
        List<PlanLine> lines,
        @TargetAggregateVersion Long expectedVersion) {

    public static String planIdOf(String unitId, int year) {
        return unitId + "/" + year;
    }
}
