package org.giaoban.training.contest.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.giaoban.training.api.contest.ContestEntriesOutcome;

/** What became of submitted entries: how many were recorded, and each refused one with its index and reason. */
@Schema(name = "ContestEntriesOutcome", description = "What became of submitted entries")
record ContestEntriesResponse(
        @Schema(description = "Entries recorded", example = "9999")
        int accepted,

        @Schema(description = "The entries refused, each with its reason")
        List<Rejected> rejected) {

    @Schema(name = "RefusedContestEntry", description = "One refused entry")
    record Rejected(
            @Schema(description = "Its position in the batch, from 0", example = "3")
            int index,

            @Schema(description = "The participant it named", example = "thisinh.0001234")
            String participantId,

            @Schema(
                    description = "Why, as a code: missing-entry, invalid-participant, unknown-unit,"
                            + " missing-submitted-at, outside-contest-window, invalid-score",
                    example = "outside-contest-window")
            String code,

            @Schema(
                    description = "Why, in words",
                    example = "submitted at 2022-07-01T02:00:00Z, outside the contest's window from"
                            + " 2022-05-01T01:00:00Z to 2022-06-30T16:59:59Z")
            String reason) {}

    static ContestEntriesResponse of(ContestEntriesOutcome outcome) {
        return new ContestEntriesResponse(
                outcome.accepted(),
                outcome.rejected().stream()
                        .map(refused -> new Rejected(
                                refused.index(), refused.participantId(), refused.code(), refused.reason()))
                        .toList());
    }
}
