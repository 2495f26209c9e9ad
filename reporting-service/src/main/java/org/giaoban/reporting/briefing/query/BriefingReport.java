package org.giaoban.reporting.briefing.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.giaoban.tasks.api.document.DocumentKind;
import org.giaoban.training.api.trainingclass.Bloc;
import org.giaoban.training.api.trainingclass.ClassFormat;

/**
 * The figures of a briefing for a period and a unit (with the units under it), by the counting rules of DOMAIN.md,
 * from what was recorded up to {@code recordedAt} (null: everything so far). {@code position} is, per service, the
 * position of the last event the figures include.
 */
public record BriefingReport(
        LocalDate from,
        LocalDate to,
        String unitId,
        String unitName,
        Instant recordedAt,
        TaskFigures tasks,
        DocumentFigures documents,
        TrainingFigures training,
        List<PlanFigures> trainingPlans,
        List<ContestFigures> contests,
        Map<String, Long> position) {

    /**
     * Work items due in the period; {@code completionRate} is completed / due to four decimals, null when none is
     * due; {@code overdue} are those not done and due before the report's date (the end of the period, or today when
     * the period has not ended).
     */
    public record TaskFigures(
            long due, long completed, long open, long overdue, Double completionRate, List<UnitTaskFigures> byUnit) {}

    public record UnitTaskFigures(String unitId, String name, long due, long completed, long open, long overdue) {}

    public record DocumentFigures(long issued, Map<DocumentKind, Long> byKind, List<UnitDocumentFigures> byUnit) {}

    public record UnitDocumentFigures(String unitId, String name, long issued) {}

    public record TrainingFigures(
            long classes,
            long learnerTurns,
            Map<Bloc, ClassFigures> byBloc,
            Map<ClassFormat, ClassFigures> byFormat,
            List<UnitClassFigures> byUnit) {}

    public record ClassFigures(long classes, long learnerTurns) {}

    public record UnitClassFigures(String unitId, String name, long classes, long learnerTurns) {}

    /** A unit's plan for a year of the period, each line with the classes it planned and those actually held. */
    public record PlanFigures(String unitId, String name, int year, List<PlanLineFigures> lines) {}

    /** {@code actual}: the unit's classes of the line's blocs that start in the period and in the plan's year. */
    public record PlanLineFigures(String label, List<Bloc> blocs, int planned, long actual) {}

    /**
     * A contest open during the period: its entries submitted in the period by participants of the unit and the
     * units under it, and its distinct participants over the whole contest (a person is not split by day or unit).
     */
    public record ContestFigures(UUID id, String title, long entries, long participants) {}
}
