package org.giaoban.tasks.task.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.giaoban.platform.web.MultilineText;

/** The bodies of the work-item endpoints, validated before any command is sent. */
final class TaskRequests {

    private TaskRequests() {}

    record Plan(
            @NotBlank
            @Pattern(regexp = "\\d{4}(-\\d{4})?", message = "must be a year such as 2022, or a term such as 2020-2025")
            String programme,

            @NotBlank @Size(max = 500) String title,
            @NotBlank @Size(max = 64) String unitId,
            @NotNull LocalDate dueOn,
            @MultilineText @Size(max = 5000) String description) {}

    record Complete(
            @NotNull LocalDate completedOn,
            @MultilineText @Size(max = 2000) String note) {}

    record Reopen(@MultilineText @NotBlank @Size(max = 2000) String reason) {}

    record Reschedule(
            @NotNull LocalDate dueOn,
            @MultilineText @NotBlank @Size(max = 2000) String reason) {}

    record Cancel(@MultilineText @NotBlank @Size(max = 2000) String reason) {}
}
