package org.giaoban.training.contest.command;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Participants in {@code contest_participant}, keyed by contest and participant. The ones already there are looked up
 * by key, a thousand at a time; the others are inserted in one JDBC batch.
 */
@Component
class JdbcContestParticipants implements ContestParticipants {

    static final int CHUNK = 1_000;

    private final JdbcTemplate jdbc;

    JdbcContestParticipants(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int addNew(UUID contestId, Collection<String> participantIds) {
        String contest = contestId.toString();
        List<String> distinct = List.copyOf(new HashSet<>(participantIds));
        Set<String> known = new HashSet<>();
        for (int from = 0; from < distinct.size(); from += CHUNK) {
            List<String> chunk = distinct.subList(from, Math.min(from + CHUNK, distinct.size()));
            List<Object> arguments = new ArrayList<>(chunk.size() + 1);
            arguments.add(contest);
            arguments.addAll(chunk);
            jdbc.query(
                    "SELECT participant_id FROM contest_participant WHERE contest_id = ? AND participant_id IN ("
                            + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")",
                    row -> {
                        known.add(row.getString(1));
                    },
                    arguments.toArray());
        }
        List<String> fresh = distinct.stream()
                .filter(participant -> !known.contains(participant))
                .toList();
        jdbc.batchUpdate(
                "INSERT INTO contest_participant (contest_id, participant_id) VALUES (?, ?)",
                fresh,
                CHUNK,
                (statement, participant) -> {
                    statement.setString(1, contest);
                    statement.setString(2, participant);
                });
        return fresh.size();
    }
}
