package org.giaoban.training.contest.web;

import java.util.List;
import org.giaoban.training.api.contest.ContestEntriesOutcome;

/** What became of submitted entries: how many were recorded, and each refused one with its index and reason. */
record ContestEntriesResponse(int accepted, List<Rejected> rejected) {

    record Rejected(int index, String participantId, String code, String reason) {}

    static ContestEntriesResponse of(ContestEntriesOutcome outcome) {
        return new ContestEntriesResponse(
                outcome.accepted(),
                outcome.rejected().stream()
                        .map(refused -> new Rejected(
                                refused.index(), refused.participantId(), refused.code(), refused.reason()))
                        .toList());
    }
}
