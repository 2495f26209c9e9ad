package org.giaoban.training.api.plan;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records a unit's training plan for a year, replacing the one recorded before. {@code planId} is
 * {@code <unitId>/<year>} (see {@link #planIdOf}).
 */
public record RecordTrainingPlanCommand(
        @TargetAggregateIdentifier String planId, String unitId, int year, List<PlanLine> lines) {

    public static String planIdOf(String unitId, int year) {
        return unitId + "/" + year;
    }
}
