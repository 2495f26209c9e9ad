package org.giaoban.suite.reference;

import java.util.Map;

/** The figures of a briefing report for unit {@code HN} over a period, as the dataset is expected to produce them. */
record BriefingFigures(
        int tasksDue,
        int tasksDone,
        int documentsIssued,
        Map<Bloc, ClassCount> classesByBloc,
        long contestEntries,
        long contestParticipants) {

    /** Classes of a bloc and their learner-turns. */
    record ClassCount(int classes, long learnerTurns) {}

    int classes() {
        return classesByBloc.values().stream().mapToInt(ClassCount::classes).sum();
    }

    long learnerTurns() {
        return classesByBloc.values().stream()
                .mapToLong(ClassCount::learnerTurns)
                .sum();
    }
}
