package org.giaoban.training.api.contest;

import java.time.Instant;

/** One participation-turn: who took part, for which unit, when, and with what score (may be null). */
public record ContestEntry(String participantId, String unitId, Instant submittedAt, Integer score) {}
