package org.giaoban.training.trainingclass.command;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.giaoban.training.api.enrolment.Learner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Rosters in the {@code enrolment} table, keyed by class and learner. Commands on one class are serialised by the
 * aggregate (its lock in one instance, its event sequence across instances), so the look-up before the insert cannot
 * be overtaken; the primary key is the last guard.
 */
@Component
class JdbcClassRosters implements ClassRosters {

    private static final int LOOKUP_CHUNK = 1_000;

    private final JdbcTemplate jdbc;

    JdbcClassRosters(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> alreadyEnrolled(UUID classId, Collection<String> learnerIds) {
        Set<String> enrolled = new HashSet<>();
        List<String> ids = new ArrayList<>(learnerIds);
        for (int from = 0; from < ids.size(); from += LOOKUP_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + LOOKUP_CHUNK));
            String placeholders = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            List<Object> arguments = new ArrayList<>(chunk.size() + 1);
            arguments.add(classId.toString());
            arguments.addAll(chunk);
            enrolled.addAll(jdbc.queryForList(
                    "SELECT learner_id FROM enrolment WHERE class_id = ? AND learner_id IN (" + placeholders + ")",
                    String.class,
                    arguments.toArray()));
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
                    statement.setString(2, learner.learnerId());
                    statement.setString(3, learner.unitId());
                });
    }

    @Override
    public Optional<String> withdraw(UUID classId, String learnerId) {
        List<String> unit = jdbc.queryForList(
                "SELECT unit_id FROM enrolment WHERE class_id = ? AND learner_id = ?",
                String.class,
                classId.toString(),
                learnerId);
        if (unit.isEmpty()) {
            return Optional.empty();
        }
        jdbc.update("DELETE FROM enrolment WHERE class_id = ? AND learner_id = ?", classId.toString(), learnerId);
        return Optional.of(unit.get(0));
    }
}
