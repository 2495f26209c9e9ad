package org.giaoban.reporting.briefing.query;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.giaoban.tasks.api.task.TaskStatus;

/** The work items of one unit, all programmes together, by task id. */
public record UnitTaskFacts(String id, String unitId, Map<String, TaskFact> tasks) implements Facts {

    public static String idOf(String unitId) {
        return "tasks|" + unitId;
    }

    static UnitTaskFacts empty(String unitId) {
        return new UnitTaskFacts(idOf(unitId), unitId, new HashMap<>());
    }

    /** What the counting rules need of a work item; {@code version} is the sequence of its last event applied. */
    public record TaskFact(String programme, LocalDate dueOn, TaskStatus status, LocalDate completedOn, long version) {

        TaskFact with(TaskStatus newStatus, LocalDate newCompletedOn, long newVersion) {
            return new TaskFact(programme, dueOn, newStatus, newCompletedOn, newVersion);
        }

        TaskFact dueOn(LocalDate newDueOn, long newVersion) {
            return new TaskFact(programme, newDueOn, status, completedOn, newVersion);
        }
    }
}
