package org.giaoban.training.plan.web;

import java.util.List;
import org.giaoban.training.api.plan.PlanLine;
import org.giaoban.training.api.plan.TrainingPlanView;
import org.giaoban.training.api.trainingclass.Bloc;

/** A unit's plan for a year as API.md shows it, with its total of classes and its version. */
record TrainingPlanResponse(String unitId, int year, List<Line> lines, int totalClasses, long version) {

    record Line(String label, List<Bloc> blocs, int classes) {}

    static TrainingPlanResponse of(TrainingPlanView plan) {
        return of(plan.unitId(), plan.year(), plan.lines(), plan.version());
    }

    static TrainingPlanResponse of(String unitId, int year, List<PlanLine> lines, long version) {
        return new TrainingPlanResponse(
                unitId,
                year,
                lines.stream()
                        .map(line -> new Line(line.label(), line.blocs(), line.classes()))
                        .toList(),
                lines.stream().mapToInt(PlanLine::classes).sum(),
                version);
    }
}
