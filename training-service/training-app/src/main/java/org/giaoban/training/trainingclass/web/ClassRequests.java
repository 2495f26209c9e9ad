package org.giaoban.training.trainingclass.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.giaoban.platform.web.MultilineText;
import org.giaoban.training.api.trainingclass.Bloc;
import org.giaoban.training.api.trainingclass.ClassFormat;

/** The bodies of the class endpoints, validated before any command is sent. */
final class ClassRequests {

    private ClassRequests() {}

    @Schema(name = "OpenClass", description = "A class a unit organises")
    record Open(
            @Schema(description = "Its title", example = "Bồi dưỡng lý luận chính trị cho đảng viên mới")
            @NotBlank
            @Size(max = 500)
            String title,

            @Schema(description = "The unit that organises it", example = "HN-QUOCOAI") @NotBlank @Size(max = 64)
            String organizerUnitId,

            @Schema(description = "The bloc of learners it is for") @NotNull
            Bloc bloc,

            @Schema(description = "In person, online, or both") @NotNull
            ClassFormat format,

            @Schema(description = "Its first day", example = "2022-03-01") @NotNull
            LocalDate startsOn,

            @Schema(description = "Its last day, not before the first", example = "2022-03-05") @NotNull
            LocalDate endsOn,

            @Schema(description = "The most learners it takes; leave out for no limit", example = "120") @Positive
            Integer capacity) {}

    @Schema(name = "CancelClass", description = "Why a class is cancelled")
    record Cancel(
            @Schema(description = "Why", example = "Giảng viên bận công tác đột xuất.")
            @MultilineText
            @NotBlank
            @Size(max = 2000)
            String reason) {}
}
