package org.giaoban.training.api.contest;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** A contest with its participation-turns ({@code entries}) and distinct {@code participants}. */
@Schema(name = "Contest", description = "An online contest with its entries and distinct participants")
public record ContestView(
        @Schema(description = "The contest's id", example = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d")
        UUID contestId,

        @Schema(description = "Its title", example = "Cuộc thi trực tuyến tìm hiểu Nghị quyết Đại hội XIII của Đảng")
        String title,

        @Schema(description = "What it is about", example = "Nghị quyết 15-NQ/TW")
        String subject,

        @Schema(description = "When entries open", example = "2022-05-01T01:00:00Z")
        Instant opensAt,

        @Schema(description = "When entries close", example = "2022-06-30T16:59:59Z")
        Instant closesAt,

        @Schema(description = "Entries recorded (participation-turns)", example = "1000000")
        long entries,

        @Schema(description = "Distinct participants", example = "700000")
        long participants,

        @Schema(description = "The contest's version", example = "12")
        long version) {}
