package org.giaoban.training.trainingclass.command;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.giaoban.training.api.enrolment.Learner;
import org.giaoban.training.personaldata.Pseudonyms;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Rosters in the {@code enrolment} table, keyed by class and the learner's pseudonym ({@link Pseudonyms}): the table
 * tells whether a learner is enrolled without holding their id. Commands on one class are serialised by the
 * aggregate (its lock in one instance, its event sequence across instances), so the look-up before the insert cannot
 * be overtaken; the primary key is the last guard.
 */
@Component
class JdbcClassRosters implements ClassRosters {

    private static final int LOOKUP_CHUNK = 1_000;

    private final JdbcTemplate jdbc;
    private final Pseudonyms pseudonyms;

    JdbcClassRosters(JdbcTemplate jdbc, Pseudonyms pseudonyms) {
        this.jdbc = jdbc;
        this.pseudonyms = pseudonyms;
    }

    @Override
    public Set<String> alreadyEnrolled(UUID classId, Collection<String> learnerIds) {
        Map<String, String> learnerOf = new HashMap<>();
        learnerIds.forEach(learnerId -> learnerOf.put(pseudonyms.of(learnerId), learnerId));
        Set<String> enrolled = new HashSet<>();
        List<String> ids = new ArrayList<>(learnerOf.keySet());
        for (int from = 0; from < ids.size(); from += LOOKUP_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + LOOKUP_CHUNK));
            String placeholders = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            List<Object> arguments = new ArrayList<>(chunk.size() + 1);
            arguments.add(classId.toString());
            arguments.addAll(chunk);
            jdbc.queryForList(
                            "SELECT learner_id FROM enrolment WHERE class_id = ? AND learner_id IN (" + placeholders
                                    + ")",
                            String.class,
                            arguments.toArray())
                    .forEach(pseudonym -> enrolled.add(learnerOf.get(pseudonym)));
        }
        return enrolled;
    }

    @Override
    public void enrol(UUID classId, List<Learner> learners) {
        jdbc.batchUpdate(
                "INSERT INTO enrolment (class_id, learner_id, unit_id) VALUES (?, ?, ?)",
                learners,
                500,
                (statement, learner) -> {
                    statement.setString(1, classId.toString());
                    statement.setString(2, pseudonyms.of(learner.learnerId()));
                    statement.setString(3, learner.unitId());
                });
    }

    @Override
    public Optional<String> withdraw(UUID classId, String learnerId) {
        String pseudonym = pseudonyms.of(learnerId);
        List<String> unit = jdbc.queryForList(
                "SELECT unit_id FROM enrolment WHERE class_id = ? AND learner_id = ?",
                String.class,
                classId.toString(),
                pseudonym);
        if (unit.isEmpty()) {
            return Optional.empty();
        }
        jdbc.update("DELETE FROM enrolment WHERE class_id = ? AND learner_id = ?", classId.toString(), pseudonym);
        return Optional.of(unit.get(0));
    }
}
