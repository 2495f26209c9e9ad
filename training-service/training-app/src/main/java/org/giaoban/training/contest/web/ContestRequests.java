package org.giaoban.training.contest.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.giaoban.training.api.contest.ContestEntry;

/**
 * The bodies of the contest endpoints. A single entry is validated before its command is sent; the entries of a batch
 * are only read, and each is then accepted or refused on its own by the command handler.
 */
final class ContestRequests {

    private ContestRequests() {}

    @Schema(name = "OpenContest", description = "A contest to open")
    record Open(
            @Schema(
                    description = "Its title",
                    example = "Cuộc thi trực tuyến tìm hiểu Nghị quyết Đại hội XIII của Đảng")
            @NotBlank
            @Size(max = 500)
            String title,

            @Schema(description = "What it is about", example = "Nghị quyết 15-NQ/TW") @NotBlank @Size(max = 500)
            String subject,

            @Schema(description = "When entries open", example = "2022-05-01T01:00:00Z") @NotNull
            Instant opensAt,

            @Schema(description = "When entries close, after they open", example = "2022-06-30T16:59:59Z") @NotNull
            Instant closesAt) {}

    @Schema(name = "ContestEntry", description = "One participant's entry")
    record Entry(
            @Schema(description = "The participant: 1 to 64 letters, digits or . _ @ -", example = "thisinh.0001234")
            @NotBlank
            @Pattern(regexp = "[A-Za-z0-9._@-]{1,64}", message = "must be 1 to 64 letters, digits or . _ @ -")
            String participantId,

            @Schema(description = "The participant's unit", example = "HN-PHUCTHO") @NotBlank @Size(max = 64)
            String unitId,

            @Schema(
                    description = "When it was submitted, within the contest's window",
                    example = "2022-05-20T03:15:00Z")
            @NotNull
            Instant submittedAt,

            @Schema(description = "Its score, from 0 to 100", example = "87") @Min(0) @Max(100)
            Integer score) {

        ContestEntry toContestEntry() {
            return new ContestEntry(participantId, unitId, submittedAt, score);
        }
    }

    /** Up to {@link ContestController#MAX_BATCH} entries; more is refused as too large before anything is checked. */
    @Schema(name = "ContestEntries", description = "Up to 10,000 entries, each judged on its own")
    record Batch(
            @Schema(description = "The entries") @NotEmpty List<Entry> entries) {}
}
