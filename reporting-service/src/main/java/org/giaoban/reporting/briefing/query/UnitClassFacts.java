package org.giaoban.reporting.briefing.query;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.giaoban.training.api.trainingclass.Bloc;
import org.giaoban.training.api.trainingclass.ClassFormat;

/** The training classes one unit organised that start in one year, by class id. */
public record UnitClassFacts(String id, String unitId, int year, Map<String, ClassFact> classes) implements Facts {

    public static String idOf(String unitId, int year) {
        return "classes|" + unitId + "|" + year;
    }

    static UnitClassFacts empty(String unitId, int year) {
        return new UnitClassFacts(idOf(unitId, year), unitId, year, new HashMap<>());
    }

    /**
     * What the counting rules need of a class: learner-turns are its enrolments less its withdrawals; {@code version}
     * is the sequence of its last event applied.
     */
    public record ClassFact(
            Bloc bloc, ClassFormat format, LocalDate startsOn, boolean cancelled, long learnerTurns, long version) {

        ClassFact cancelled(long newVersion) {
            return new ClassFact(bloc, format, startsOn, true, learnerTurns, newVersion);
        }

        ClassFact plusLearnerTurns(long change, long newVersion) {
            return new ClassFact(bloc, format, startsOn, cancelled, learnerTurns + change, newVersion);
        }
    }
}
