package org.giaoban.tasks.task.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.giaoban.platform.web.MultilineText;

/** The bodies of the work-item endpoints, validated before any command is sent. */
final class TaskRequests {

    private TaskRequests() {}

    @Schema(name = "PlanTask", description = "A work item to add to a unit's programme")
    record Plan(
            @Schema(description = "The programme: a year, or a term", example = "2022")
            @NotBlank
            @Pattern(regexp = "\\d{4}(-\\d{4})?", message = "must be a year such as 2022, or a term such as 2020-2025")
            String programme,

            @Schema(description = "What is to be done", example = "Quán triệt Nghị quyết Đại hội XIII của Đảng")
            @NotBlank
            @Size(max = 500)
            String title,

            @Schema(description = "The unit that is to do it", example = "HN-LONGBIEN") @NotBlank @Size(max = 64)
            String unitId,

            @Schema(description = "The day it is due", example = "2022-06-30") @NotNull
            LocalDate dueOn,

            @Schema(
                    description = "More about it; several lines allowed",
                    example = "Tổ chức hội nghị quán triệt cho cán bộ chủ chốt của quận.")
            @MultilineText
            @Size(max = 5000)
            String description) {}

    @Schema(name = "CompleteTask", description = "The completion of an open work item")
    record Complete(
            @Schema(description = "The day it was done, not in the future", example = "2022-06-28") @NotNull
            LocalDate completedOn,

            @Schema(description = "A note on how it was done", example = "Đã tổ chức hội nghị với 350 đại biểu.")
            @MultilineText
            @Size(max = 2000)
            String note) {}

    @Schema(name = "ReopenTask", description = "Why a completed work item is open again")
    record Reopen(
            @Schema(description = "Why", example = "Báo cáo kết quả chưa đầy đủ.")
            @MultilineText
            @NotBlank
            @Size(max = 2000)
            String reason) {}

    @Schema(name = "RescheduleTask", description = "A new due date for an open work item, and why")
    record Reschedule(
            @Schema(description = "The new due date", example = "2022-07-15") @NotNull
            LocalDate dueOn,

            @Schema(description = "Why", example = "Lùi lịch theo kế hoạch của Thành ủy.")
            @MultilineText
            @NotBlank
            @Size(max = 2000)
            String reason) {}

    @Schema(name = "CancelTask", description = "Why a work item is taken out of the programme")
    record Cancel(
            @Schema(description = "Why", example = "Nhiệm vụ đã được giao cho đơn vị khác.")
            @MultilineText
            @NotBlank
            @Size(max = 2000)
            String reason) {}
}
