package org.giaoban.training.contest.command;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * When each contest takes entries, kept beside the event store so that entries are checked without loading an
 * aggregate. A window is written in the same transaction as the contest's opening event.
 */
public interface ContestWindows {

    void record(UUID contestId, Instant opensAt, Instant closesAt);

    /**
     * The contest's window, empty when no contest has the id. The window stays locked until the calling transaction
     * ends, so that the entries of one contest are recorded one batch after the other.
     */
    Optional<ContestWindow> lockForEntries(UUID contestId);

    /** The instants between which a contest takes entries, both included. */
    record ContestWindow(Instant opensAt, Instant closesAt) {

        public boolean contains(Instant instant) {
            return !instant.isBefore(opensAt) && !instant.isAfter(closesAt);
        }
    }
}
