package org.giaoban.training.contest.query;

import java.time.Instant;
import java.util.UUID;
import org.giaoban.training.api.contest.ContestView;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One contest with its counters, keyed by its id. {@code version} is the sequence number of the contest's last event;
 * {@code lastPosition} is the global position of the last event applied here, which makes the counters idempotent: an
 * event at or below it was already counted. Instants are ISO strings, exact to the nanosecond.
 */
@Document(ContestSummaryDocument.COLLECTION)
public record ContestSummaryDocument(
        @Id String contestId,
        String title,
        String subject,
        String opensAt,
        String closesAt,
        long entries,
        long participants,
        long version,
        long lastPosition) {

    public static final String COLLECTION = "contest_summary";

    ContestView toView() {
        return new ContestView(
                UUID.fromString(contestId),
                title,
                subject,
                Instant.parse(opensAt),
                Instant.parse(closesAt),
                entries,
                participants,
                version);
    }
}
