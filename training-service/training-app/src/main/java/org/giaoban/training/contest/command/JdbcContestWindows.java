package org.giaoban.training.contest.command;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Contest windows in {@code contest_window}. Both statements join the transaction Axon opened for the command: a
 * window recorded by a refused opening is rolled back with it, and the row lock taken for entries is held until the
 * entries' event is stored.
 */
@Component
class JdbcContestWindows implements ContestWindows {

    private final JdbcTemplate jdbc;

    JdbcContestWindows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(UUID contestId, Instant opensAt, Instant closesAt) {
        jdbc.update(
                "INSERT INTO contest_window (contest_id, opens_at, closes_at) VALUES (?, ?, ?)",
                contestId.toString(),
                OffsetDateTime.ofInstant(opensAt, ZoneOffset.UTC),
                OffsetDateTime.ofInstant(closesAt, ZoneOffset.UTC));
    }

    @Override
    public Optional<ContestWindow> lockForEntries(UUID contestId) {
        return Optional.ofNullable(jdbc.query(
                "SELECT opens_at, closes_at FROM contest_window WHERE contest_id = ? FOR UPDATE",
                row -> row.next()
                        ? new ContestWindow(
                                row.getObject("opens_at", OffsetDateTime.class).toInstant(),
                                row.getObject("closes_at", OffsetDateTime.class).toInstant())
                        : null,
                contestId.toString()));
    }
}
