package org.giaoban.training.contest.command;

import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.giaoban.training.personaldata.Pseudonyms;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Participants in {@code contest_participant}, keyed by contest and the participant's pseudonym ({@link Pseudonyms}),
 * never their id. The ones already there are looked up
 * a thousand at a time, by joining the candidates (an array parameter) to the table's key; the others are inserted in
 * one JDBC batch. {@code contest_id = ? AND participant_id IN (...)} would read the same on paper, but H2 uses an IN
 * list only on the first column of an index and so scans every participant of the contest for each chunk; the join
 * seeks the key on H2 and PostgreSQL alike.
 */
@Component
class JdbcContestParticipants implements ContestParticipants {

    static final int CHUNK = 1_000;

    private static final String KNOWN_AMONG = "SELECT candidate.participant_id"
            + " FROM UNNEST(?) AS candidate(participant_id)"
            + " JOIN contest_participant known"
            + " ON known.contest_id = ? AND known.participant_id = candidate.participant_id";

    private final JdbcTemplate jdbc;
    private final Pseudonyms pseudonyms;

    JdbcContestParticipants(JdbcTemplate jdbc, Pseudonyms pseudonyms) {
        this.jdbc = jdbc;
        this.pseudonyms = pseudonyms;
    }

    @Override
    public int addNew(UUID contestId, Collection<String> participantIds) {
        String contest = contestId.toString();
        Set<String> pseudonymsOfParticipants = new HashSet<>();
        participantIds.forEach(participantId -> pseudonymsOfParticipants.add(pseudonyms.of(participantId)));
        List<String> distinct = List.copyOf(pseudonymsOfParticipants);
        Set<String> known = new HashSet<>();
        for (int from = 0; from < distinct.size(); from += CHUNK) {
            List<String> chunk = distinct.subList(from, Math.min(from + CHUNK, distinct.size()));
            jdbc.query(
                    connection -> {
                        PreparedStatement lookup = connection.prepareStatement(KNOWN_AMONG);
                        lookup.setArray(1, connection.createArrayOf("varchar", chunk.toArray()));
                        lookup.setString(2, contest);
                        return lookup;
                    },
                    row -> {
                        known.add(row.getString(1));
                    });
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
