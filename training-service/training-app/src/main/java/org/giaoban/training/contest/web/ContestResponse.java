package org.giaoban.training.contest.web;

import java.time.Instant;
import java.util.UUID;
import org.giaoban.training.api.contest.ContestView;

/** A contest as API.md shows it: its participation-turns ({@code entries}) and distinct {@code participants}. */
record ContestResponse(
        UUID id,
        String title,
        String subject,
        Instant opensAt,
        Instant closesAt,
        long entries,
        long participants,
        long version) {

    static ContestResponse of(ContestView contest) {
        return new ContestResponse(
                contest.contestId(),
                contest.title(),
                contest.subject(),
                contest.opensAt(),
                contest.closesAt(),
                contest.entries(),
                contest.participants(),
                contest.version());
    }
}
