package org.giaoban.training.contest.web;

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

    record Open(
            @NotBlank @Size(max = 500) String title,
            @NotBlank @Size(max = 500) String subject,
            @NotNull Instant opensAt,
            @NotNull Instant closesAt) {}

    record Entry(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9._@-]{1,64}", message = "must be 1 to 64 letters, digits or . _ @ -")
            String participantId,

            @NotBlank @Size(max = 64) String unitId,
            @NotNull Instant submittedAt,
            @Min(0) @Max(100) Integer score) {

        ContestEntry toContestEntry() {
            return new ContestEntry(participantId, unitId, submittedAt, score);
        }
    }

    /** Up to {@link ContestController#MAX_BATCH} entries; more is refused as too large before anything is checked. */
    record Batch(@NotEmpty List<Entry> entries) {}
}
