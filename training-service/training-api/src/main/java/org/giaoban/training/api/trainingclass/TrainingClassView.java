package org.giaoban.training.api.trainingclass;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.UUID;

/** A class as it stands, with the number of learners enrolled and not withdrawn. */
@Schema(name = "TrainingClass", description = "A training class as it stands, with its learners enrolled")
public record TrainingClassView(
        @Schema(description = "The class's id", example = "5b7e2c1a-3d4f-4a6b-8c9d-0e1f2a3b4c5d")
        UUID classId,

        @Schema(description = "Its title", example = "Bồi dưỡng lý luận chính trị cho đảng viên mới")
        String title,

        @Schema(description = "The unit that organises it", example = "HN-QUOCOAI")
        String organizerUnitId,

        @Schema(description = "The bloc of learners it is for")
        Bloc bloc,

        @Schema(description = "In person, online, or both") ClassFormat format,

        @Schema(description = "Its first day", example = "2022-03-01")
        LocalDate startsOn,

        @Schema(description = "Its last day", example = "2022-03-05")
        LocalDate endsOn,

        @Schema(description = "The most learners it takes; null for no limit", example = "120")
        Integer capacity,

        @Schema(description = "Learners enrolled and not withdrawn", example = "118")
        long enrolled,

        @Schema(description = "Open, or cancelled") ClassStatus status,

        @Schema(description = "The version to send in If-Match when changing it", example = "2")
        long version) {}
