package org.giaoban.reporting.projection;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * A read model as an operator sees it. {@code position}: the last event of {@code service} it has applied (null:
 * none yet); {@code head}: the last event in that service's store; {@code lag}: events between them. {@code status}
 * is {@code LIVE} or {@code REBUILDING}; {@code progress} the share of the history a running rebuild has read.
 * {@code error} is set while the processor is failing on an event, and retrying.
 */
@Schema(name = "ReadModel", description = "A read model as an operator sees it")
public record ProjectionStatusView(
        @Schema(description = "Its name", example = "briefing-training")
        String name,

        @Schema(description = "The service whose events it reads", example = "training")
        String service,

        @Schema(description = "The last event it has applied; null for none yet", example = "1250000")
        Long position,

        @Schema(description = "The last event in the service's store", example = "1250010")
        long head,

        @Schema(description = "Events between its position and the head", example = "10")
        long lag,

        @Schema(
                description = "LIVE or REBUILDING",
                allowableValues = {LIVE, REBUILDING},
                example = LIVE)
        String status,

        @Schema(description = "The share of the history a running rebuild has read, from 0 to 1", example = "0.42")
        Double progress,

        @Schema(description = "The generation answering reads", example = "2")
        int generation,

        @Schema(description = "Set while it fails on an event, and retries; null otherwise")
        String error,

        @Schema(description = "The latest rebuild since the service started; null for none")
        RebuildView lastRebuild) {

    public static final String LIVE = "LIVE";
    public static final String REBUILDING = "REBUILDING";

    /** The latest rebuild since this instance started: when, how many events it read, and how it ended. */
    @Schema(name = "Rebuild", description = "A rebuild of a read model")
    public record RebuildView(
            @Schema(description = "When it started", example = "2022-10-06T01:30:00Z")
            Instant startedAt,

            @Schema(description = "When it ended; null while it runs", example = "2022-10-06T01:34:10Z")
            Instant finishedAt,

            @Schema(description = "Events it read", example = "1250000")
            Long events,

            @Schema(description = "How long it took", example = "250.4")
            Double seconds,

            @Schema(description = "The generation it built", example = "2")
            Integer generation,

            @Schema(description = "Why it failed; null unless it did")
            String failure) {}
}
