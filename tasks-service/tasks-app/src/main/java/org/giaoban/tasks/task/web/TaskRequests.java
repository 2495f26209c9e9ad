package org.giaoban.tasks.task.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The bodies of the work-item endpoints, validated before any command is sent. */
final class TaskRequests {

    private TaskRequests() {}

    record Plan(
            @NotBlank
            @Pattern(regexp = "\\d{4}(-\\d{4})?", message = "must be a year such as 2022, or a term such as 2020-2025")
            String programme,

            @NotBlank @Size(max = 500) String title,
            @NotBlank String unitId,
            @NotNull LocalDate dueOn,
            @Size(max = 5000) String description) {}

    record Complete(
            @NotNull LocalDate completedOn,
            @Size(max = 2000) String note) {}

    record Reopen(@NotBlank @Size(max = 2000) String reason) {}

    record Reschedule(
            @NotNull LocalDate dueOn,
            @NotBlank @Size(max = 2000) String reason) {}

    record Cancel(@NotBlank @Size(max = 2000) String reason) {}
}
