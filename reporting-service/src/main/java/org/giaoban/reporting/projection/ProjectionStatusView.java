package org.giaoban.reporting.projection;

import java.time.Instant;

/**
 * A read model as an operator sees it. {@code position}: the last event of {@code service} it has applied (null:
 * none yet); {@code head}: the last event in that service's store; {@code lag}: events between them. {@code status}
 * is {@code LIVE} or {@code REBUILDING}; {@code progress} the share of the history a running rebuild has read.
 * {@code error} is set while the processor is failing on an event, and retrying.
 */
public record ProjectionStatusView(
        String name,
        String service,
        Long position,
        long head,
        long lag,
        String status,
        Double progress,
        int generation,
        String error,
        RebuildView lastRebuild) {

    public static final String LIVE = "LIVE";
    public static final String REBUILDING = "REBUILDING";

    /** The latest rebuild since this instance started: when, how many events it read, and how it ended. */
    public record RebuildView(
            Instant startedAt, Instant finishedAt, Long events, Double seconds, Integer generation, String failure) {}
}
