package org.giaoban.reporting.audit;

import java.time.Instant;

/**
 * Which stored events an auditor asks for: those of {@code service} after position {@code after} (-1: from the
 * first), of one aggregate when {@code aggregateId} is not null, recorded from {@code recordedFrom} to
 * {@code recordedTo} (both included, either null for open), at most {@code limit} (null: all).
 */
public record EventQuery(
        String service, String aggregateId, long after, Instant recordedFrom, Instant recordedTo, Long limit) {}
