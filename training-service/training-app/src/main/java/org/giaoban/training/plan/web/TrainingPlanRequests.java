package org.giaoban.training.plan.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.giaoban.training.api.plan.PlanLine;
import org.giaoban.training.api.trainingclass.Bloc;

/**
 * The body of a plan, validated before its command is sent. Rules across lines (a bloc in one line only) are the
 * plan's own.
 */
final class TrainingPlanRequests {

    private TrainingPlanRequests() {}

    @Schema(name = "TrainingPlanLines", description = "The lines of a unit's plan for a year")
    record Plan(
            @Schema(description = "Its lines, at least one") @NotEmpty
            List<@NotNull @Valid Line> lines) {

        List<PlanLine> toPlanLines() {
            return lines.stream()
                    .map(line -> new PlanLine(line.label().strip(), List.copyOf(line.blocs()), line.classes()))
                    .toList();
        }
    }

    @Schema(name = "TrainingPlanLine", description = "One line of a plan: classes planned for some blocs")
    record Line(
            @Schema(description = "Its label", example = "Khối Đảng, đoàn thể") @NotBlank @Size(max = 500)
            String label,

            @Schema(description = "The blocs it covers, each in one line only") @NotEmpty
            List<@NotNull Bloc> blocs,

            @Schema(description = "The classes planned", example = "66") @NotNull @Min(0)
            Integer classes) {}
}
