package org.giaoban.tasks.api.task;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.UUID;

/** A work item as it stands; {@code version} is the sequence number of its last event, as If-Match expects it. */
@Schema(name = "Task", description = "A work item as it stands")
public record TaskView(
        @Schema(description = "The item's id", example = "6f1c2d3e-4a5b-4c6d-8e7f-901234567890")
        UUID taskId,

        @Schema(description = "The programme: a year, or a term", example = "2022")
        String programme,

        @Schema(description = "What is to be done", example = "Quán triệt Nghị quyết Đại hội XIII của Đảng")
        String title,

        @Schema(description = "More about it", example = "Tổ chức hội nghị quán triệt cho cán bộ chủ chốt của quận.")
        String description,

        @Schema(description = "The unit that is to do it", example = "HN-LONGBIEN")
        String unitId,

        @Schema(description = "The day it is due", example = "2022-06-30")
        LocalDate dueOn,

        @Schema(description = "Open, completed or cancelled")
        TaskStatus status,

        @Schema(description = "The day it was done; null unless completed", example = "2022-06-28")
        LocalDate completedOn,

        @Schema(description = "The version to send in If-Match when changing it", example = "3")
        long version) {}
