package org.giaoban.training.plan.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.giaoban.training.api.plan.PlanLine;
import org.giaoban.training.api.plan.TrainingPlanView;
import org.giaoban.training.api.trainingclass.Bloc;

/** A unit's plan for a year as API.md shows it, with its total of classes and its version. */
@Schema(name = "TrainingPlan", description = "A unit's plan for a year as recorded")
record TrainingPlanResponse(
        @Schema(description = "The unit whose plan it is", example = "HN-HOANKIEM")
        String unitId,

        @Schema(description = "The year", example = "2022") int year,
        @Schema(description = "Its lines") List<Line> lines,

        @Schema(description = "The classes of all lines", example = "97")
        int totalClasses,

        @Schema(description = "The version to send in If-Match when changing it", example = "1")
        long version) {

    @Schema(name = "PlannedClasses", description = "One line of a plan")
    record Line(
            @Schema(description = "Its label", example = "Khối Đảng, đoàn thể")
            String label,

            @Schema(description = "The blocs it covers") List<Bloc> blocs,

            @Schema(description = "The classes planned", example = "66")
            int classes) {}

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
