package org.giaoban.training.plan.web;

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

    record Plan(@NotEmpty List<@NotNull @Valid Line> lines) {

        List<PlanLine> toPlanLines() {
            return lines.stream()
                    .map(line -> new PlanLine(line.label().strip(), List.copyOf(line.blocs()), line.classes()))
                    .toList();
        }
    }

    record Line(
            @NotBlank @Size(max = 500) String label,
            @NotEmpty List<@NotNull Bloc> blocs,
            @NotNull @Min(0) Integer classes) {}
}
