package org.giaoban.training.plan.query;

import java.util.List;
import org.giaoban.training.api.plan.PlanLine;
import org.giaoban.training.api.plan.TrainingPlanView;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A unit's plan for a year as last recorded, keyed by {@code <unitId>/<year>}. {@code version} is the sequence number
 * of the last event applied: an event at or below it was already applied.
 */
@Document(TrainingPlanDocument.COLLECTION)
public record TrainingPlanDocument(
        @Id String planId, String unitId, int year, List<PlanLine> lines, int totalClasses, long version) {

    public static final String COLLECTION = "training_plan";

    TrainingPlanView toView() {
        return new TrainingPlanView(unitId, year, lines, totalClasses, version);
    }
}
