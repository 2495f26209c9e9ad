package org.giaoban.training.api.contest;

import java.time.Instant;
import java.util.UUID;

/** A contest with its participation-turns ({@code entries}) and distinct {@code participants}. */
public record ContestView(
        UUID contestId,
        String title,
        String subject,
        Instant opensAt,
        Instant closesAt,
        long entries,
        long participants,
        long version) {}
