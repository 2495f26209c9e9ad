package org.giaoban.reporting.briefing.query;

import java.util.List;
import org.giaoban.training.api.plan.PlanLine;

/** A unit's training plan for a year, as last recorded; {@code version} is the sequence of that event. */
public record PlanFacts(String id, String unitId, int year, List<PlanLine> lines, long version) implements Facts {

    public static String idOf(String unitId, int year) {
        return "plan|" + unitId + "|" + year;
    }
}
