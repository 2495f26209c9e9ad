package org.giaoban.reporting.briefing.query;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A contest and its entries counted by day (in Hanoi) and participant's unit. {@code participants} adds up the
 * participants each batch brought to the contest for the first time. {@code lastPosition} is the position of the last
 * batch applied: batches of one contest are stored one after the other, so a batch at or before it was applied.
 */
public record ContestFacts(
        String id,
        String contestId,
        String title,
        Instant opensAt,
        Instant closesAt,
        long participants,
        long lastPosition,
        Map<String, Map<String, Long>> entriesByDay)
        implements Facts {

    public static String idOf(String contestId) {
        return "contest|" + contestId;
    }

    static ContestFacts opened(String contestId, String title, Instant opensAt, Instant closesAt) {
        return new ContestFacts(idOf(contestId), contestId, title, opensAt, closesAt, 0, -1, new HashMap<>());
    }
}
