package org.giaoban.reporting.briefing.query;

import io.swagger.v3.oas.annotations.media.Schema;
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
@Schema(name = "Briefing", description = "The figures of the briefing for a period and a unit with the units under it")
public record BriefingReport(
        @Schema(description = "The first day of the period", example = "2022-01-01")
        LocalDate from,

        @Schema(description = "The last day of the period", example = "2022-09-08")
        LocalDate to,

        @Schema(description = "The unit; its figures include the units under it", example = "HN")
        String unitId,

        @Schema(description = "The unit's name", example = "Ban Tuyên giáo Thành ủy Hà Nội")
        String unitName,

        @Schema(description = "The instant the figures stood at; null for everything recorded so far")
        Instant recordedAt,

        @Schema(description = "Work items due in the period")
        TaskFigures tasks,

        @Schema(description = "Direction documents issued in the period")
        DocumentFigures documents,

        @Schema(description = "Training classes that started in the period, and their learner-turns")
        TrainingFigures training,

        @Schema(description = "The plans of the period's years against the classes held")
        List<PlanFigures> trainingPlans,

        @Schema(description = "The contests open during the period")
        List<ContestFigures> contests,

        @Schema(
                description = "Per service (tasks, training), the position of the last event the figures" + " include",
                example = "{\"tasks\": 1234, \"training\": 1250000}")
        Map<String, Long> position) {

    /**
     * Work items due in the period; {@code completionRate} is completed / due to four decimals, null when none is
     * due; {@code overdue} are those not done and due before the report's date (the end of the period, or today when
     * the period has not ended).
     */
    @Schema(name = "BriefingTasks", description = "Work items due in the period")
    public record TaskFigures(
            @Schema(description = "Due in the period", example = "87")
            long due,

            @Schema(description = "Of those, completed", example = "84")
            long completed,

            @Schema(description = "Of those, still open", example = "3")
            long open,

            @Schema(description = "Open and due before the report's day", example = "0")
            long overdue,

            @Schema(description = "Completed / due, to four decimals; null when none is due", example = "0.9655")
            Double completionRate,

            @Schema(description = "The same by unit") List<UnitTaskFigures> byUnit) {}

    @Schema(name = "BriefingUnitTasks", description = "A unit's work items due in the period")
    public record UnitTaskFigures(
            @Schema(description = "The unit", example = "HN-LONGBIEN")
            String unitId,

            @Schema(description = "Its name", example = "Ban Tuyên giáo Quận ủy Long Biên")
            String name,

            @Schema(description = "Due", example = "5") long due,

            @Schema(description = "Completed", example = "5")
            long completed,

            @Schema(description = "Open", example = "0") long open,
            @Schema(description = "Overdue", example = "0") long overdue) {}

    @Schema(name = "BriefingDocuments", description = "Direction documents issued in the period")
    public record DocumentFigures(
            @Schema(description = "Issued and not revoked", example = "1420")
            long issued,

            @Schema(description = "The same by kind", example = "{\"PLAN\": 300}")
            Map<DocumentKind, Long> byKind,

            @Schema(description = "The same by unit") List<UnitDocumentFigures> byUnit) {}

    @Schema(name = "BriefingUnitDocuments", description = "A unit's documents issued in the period")
    public record UnitDocumentFigures(
            @Schema(description = "The unit", example = "HN-HOANKIEM")
            String unitId,

            @Schema(description = "Its name", example = "Ban Tuyên giáo Quận ủy Hoàn Kiếm")
            String name,

            @Schema(description = "Issued", example = "48") long issued) {}

    @Schema(name = "BriefingTraining", description = "Training classes that started in the period")
    public record TrainingFigures(
            @Schema(description = "Classes held (not cancelled)", example = "1418")
            long classes,

            @Schema(description = "Learners enrolled in them, a learner counted once per class", example = "230516")
            long learnerTurns,

            @Schema(description = "The same by bloc") Map<Bloc, ClassFigures> byBloc,
            @Schema(description = "The same by format") Map<ClassFormat, ClassFigures> byFormat,

            @Schema(description = "The same by organising unit")
            List<UnitClassFigures> byUnit) {}

    @Schema(name = "BriefingClasses", description = "Classes and their learner-turns")
    public record ClassFigures(
            @Schema(description = "Classes", example = "614")
            long classes,

            @Schema(description = "Learner-turns", example = "102068")
            long learnerTurns) {}

    @Schema(name = "BriefingUnitClasses", description = "A unit's classes and their learner-turns")
    public record UnitClassFigures(
            @Schema(description = "The organising unit", example = "HN-HOANKIEM")
            String unitId,

            @Schema(description = "Its name", example = "Ban Tuyên giáo Quận ủy Hoàn Kiếm")
            String name,

            @Schema(description = "Classes", example = "60") long classes,

            @Schema(description = "Learner-turns", example = "9000")
            long learnerTurns) {}

    /** A unit's plan for a year of the period, each line with the classes it planned and those actually held. */
    @Schema(name = "BriefingPlan", description = "A unit's plan for a year of the period against the classes held")
    public record PlanFigures(
            @Schema(description = "The unit", example = "HN-HOANKIEM")
            String unitId,

            @Schema(description = "Its name", example = "Ban Tuyên giáo Quận ủy Hoàn Kiếm")
            String name,

            @Schema(description = "The plan's year", example = "2022")
            int year,

            @Schema(description = "Its lines") List<PlanLineFigures> lines) {}

    /** {@code actual}: the unit's classes of the line's blocs that start in the period and in the plan's year. */
    @Schema(name = "BriefingPlanLine", description = "A line of a plan: classes planned and held")
    public record PlanLineFigures(
            @Schema(description = "Its label", example = "Quản lý nhà nước")
            String label,

            @Schema(description = "The blocs it covers") List<Bloc> blocs,

            @Schema(description = "Classes planned", example = "31")
            int planned,

            @Schema(description = "Classes of those blocs held in the period and the plan's year", example = "12")
            long actual) {}

    /**
     * A contest open during the period: its entries submitted in the period by participants of the unit and the
     * units under it, and its distinct participants over the whole contest (a person is not split by day or unit).
     */
    @Schema(name = "BriefingContest", description = "A contest open during the period")
    public record ContestFigures(
            @Schema(description = "The contest", example = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d")
            UUID id,

            @Schema(
                    description = "Its title",
                    example = "Cuộc thi trực tuyến tìm hiểu Nghị quyết Đại hội XIII của Đảng")
            String title,

            @Schema(description = "Entries submitted in the period by the unit's participants", example = "1000000")
            long entries,

            @Schema(description = "Distinct participants over the whole contest", example = "700000")
            long participants) {}
}
