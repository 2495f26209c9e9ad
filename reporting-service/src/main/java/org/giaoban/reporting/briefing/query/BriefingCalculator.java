package org.giaoban.reporting.briefing.query;

import static org.giaoban.units.UnitCatalogue.COMMISSION_ZONE;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.giaoban.reporting.briefing.query.BriefingReport.ClassFigures;
import org.giaoban.reporting.briefing.query.BriefingReport.ContestFigures;
import org.giaoban.reporting.briefing.query.BriefingReport.DocumentFigures;
import org.giaoban.reporting.briefing.query.BriefingReport.PlanFigures;
import org.giaoban.reporting.briefing.query.BriefingReport.PlanLineFigures;
import org.giaoban.reporting.briefing.query.BriefingReport.TaskFigures;
import org.giaoban.reporting.briefing.query.BriefingReport.TrainingFigures;
import org.giaoban.reporting.briefing.query.BriefingReport.UnitClassFigures;
import org.giaoban.reporting.briefing.query.BriefingReport.UnitDocumentFigures;
import org.giaoban.reporting.briefing.query.BriefingReport.UnitTaskFigures;
import org.giaoban.reporting.briefing.query.UnitClassFacts.ClassFact;
import org.giaoban.reporting.briefing.query.UnitDocumentFacts.DocumentFact;
import org.giaoban.reporting.briefing.query.UnitTaskFacts.TaskFact;
import org.giaoban.tasks.api.document.DocumentKind;
import org.giaoban.tasks.api.task.TaskStatus;
import org.giaoban.training.api.plan.PlanLine;
import org.giaoban.training.api.trainingclass.Bloc;
import org.giaoban.training.api.trainingclass.ClassFormat;
import org.giaoban.units.Unit;
import org.giaoban.units.UnitCatalogue;

/**
 * The counting rules of DOMAIN.md over briefing facts, wherever they are kept: it reads the facts of the units asked
 * for and the years of the period by id, and counts.
 */
public final class BriefingCalculator {

    private final UnitCatalogue units;

    public BriefingCalculator(UnitCatalogue units) {
        this.units = units;
    }

    /**
     * @param today the day the report is made, in Hanoi: items due before it (or before the end of the period, if
     *     earlier) and not done are overdue
     */
    public BriefingReport calculate(
            BriefingRequest request, BriefingFactsReader facts, LocalDate today, Map<String, Long> position) {
        List<Unit> scope = unitsUnder(request.unitId());
        List<Integer> years = IntStream.rangeClosed(
                        request.from().getYear(), request.to().getYear())
                .boxed()
                .toList();
        LocalDate reportDate = request.to().isBefore(today) ? request.to() : today;
        List<String> classIds = new ArrayList<>();
        scope.forEach(unit -> years.forEach(year -> classIds.add(UnitClassFacts.idOf(unit.id(), year))));
        List<UnitClassFacts> classes = facts.findAll(classIds, UnitClassFacts.class);
        return new BriefingReport(
                request.from(),
                request.to(),
                request.unitId(),
                units.find(request.unitId()).map(Unit::name).orElse(request.unitId()),
                request.recordedAt(),
                tasks(request, scope, facts, reportDate),
                documents(request, scope, years, facts),
                training(request, scope, classes),
                plans(request, scope, years, facts, classes),
                contests(request, scope, facts),
                position);
    }

    private List<Unit> unitsUnder(String unitId) {
        Set<String> ids = units.selfAndDescendants(unitId);
        return units.all().stream().filter(unit -> ids.contains(unit.id())).toList();
    }

    private static TaskFigures tasks(
            BriefingRequest request, List<Unit> scope, BriefingFactsReader facts, LocalDate reportDate) {
        Map<String, UnitTaskFacts> byUnit = new HashMap<>();
        facts.findAll(scope.stream().map(unit -> UnitTaskFacts.idOf(unit.id())).toList(), UnitTaskFacts.class)
                .forEach(unitFacts -> byUnit.put(unitFacts.unitId(), unitFacts));
        long due = 0;
        long completed = 0;
        long overdue = 0;
        List<UnitTaskFigures> unitFigures = new ArrayList<>();
        for (Unit unit : scope) {
            UnitTaskFacts unitFacts = byUnit.get(unit.id());
            if (unitFacts == null) {
                continue;
            }
            long unitDue = 0;
            long unitCompleted = 0;
            long unitOverdue = 0;
            for (TaskFact task : unitFacts.tasks().values()) {
                if (task.status() == TaskStatus.CANCELLED || !within(task.dueOn(), request)) {
                    continue;
                }
                unitDue++;
                boolean done = task.status() == TaskStatus.COMPLETED
                        && !task.completedOn().isAfter(request.to());
                if (done) {
                    unitCompleted++;
                } else if (task.dueOn().isBefore(reportDate)) {
                    unitOverdue++;
                }
            }
            if (unitDue > 0) {
                unitFigures.add(new UnitTaskFigures(
                        unit.id(), unit.name(), unitDue, unitCompleted, unitDue - unitCompleted, unitOverdue));
            }
            due += unitDue;
            completed += unitCompleted;
            overdue += unitOverdue;
        }
        return new TaskFigures(
                due, completed, due - completed, overdue, rate(completed, due), List.copyOf(unitFigures));
    }

    private static Double rate(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part)
                .divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP)
                .doubleValue();
    }

    private static DocumentFigures documents(
            BriefingRequest request, List<Unit> scope, List<Integer> years, BriefingFactsReader facts) {
        List<String> ids = new ArrayList<>();
        scope.forEach(unit -> years.forEach(year -> ids.add(UnitDocumentFacts.idOf(unit.id(), year))));
        Map<String, Long> issuedByUnit = new HashMap<>();
        Map<DocumentKind, Long> byKind = new EnumMap<>(DocumentKind.class);
        for (DocumentKind kind : DocumentKind.values()) {
            byKind.put(kind, 0L);
        }
        for (UnitDocumentFacts unitFacts : facts.findAll(ids, UnitDocumentFacts.class)) {
            for (DocumentFact document : unitFacts.documents().values()) {
                if (!document.revoked() && within(document.issuedOn(), request)) {
                    byKind.merge(document.kind(), 1L, Long::sum);
                    issuedByUnit.merge(unitFacts.unitId(), 1L, Long::sum);
                }
            }
        }
        List<UnitDocumentFigures> byUnit = scope.stream()
                .filter(unit -> issuedByUnit.containsKey(unit.id()))
                .map(unit -> new UnitDocumentFigures(unit.id(), unit.name(), issuedByUnit.get(unit.id())))
                .toList();
        long issued = byKind.values().stream().mapToLong(Long::longValue).sum();
        return new DocumentFigures(issued, byKind, byUnit);
    }

    private static TrainingFigures training(BriefingRequest request, List<Unit> scope, List<UnitClassFacts> classes) {
        Map<Bloc, ClassTally> byBloc = new EnumMap<>(Bloc.class);
        Map<ClassFormat, ClassTally> byFormat = new EnumMap<>(ClassFormat.class);
        Map<String, ClassTally> byUnit = new HashMap<>();
        for (Bloc bloc : Bloc.values()) {
            byBloc.put(bloc, new ClassTally());
        }
        for (ClassFormat format : ClassFormat.values()) {
            byFormat.put(format, new ClassTally());
        }
        for (UnitClassFacts unitFacts : classes) {
            for (ClassFact trainingClass : unitFacts.classes().values()) {
                if (counts(trainingClass, request)) {
                    byBloc.get(trainingClass.bloc()).add(trainingClass);
                    byFormat.get(trainingClass.format()).add(trainingClass);
                    byUnit.computeIfAbsent(unitFacts.unitId(), ignored -> new ClassTally())
                            .add(trainingClass);
                }
            }
        }
        long classCount =
                byBloc.values().stream().mapToLong(ClassTally::classes).sum();
        long learnerTurns =
                byBloc.values().stream().mapToLong(ClassTally::learnerTurns).sum();
        Map<Bloc, ClassFigures> blocFigures = new EnumMap<>(Bloc.class);
        byBloc.forEach((bloc, tally) -> blocFigures.put(bloc, tally.figures()));
        Map<ClassFormat, ClassFigures> formatFigures = new EnumMap<>(ClassFormat.class);
        byFormat.forEach((format, tally) -> formatFigures.put(format, tally.figures()));
        List<UnitClassFigures> unitFigures = scope.stream()
                .filter(unit -> byUnit.containsKey(unit.id()))
                .map(unit -> byUnit.get(unit.id()).figuresOf(unit))
                .toList();
        return new TrainingFigures(classCount, learnerTurns, blocFigures, formatFigures, unitFigures);
    }

    private static boolean counts(ClassFact trainingClass, BriefingRequest request) {
        return !trainingClass.cancelled() && within(trainingClass.startsOn(), request);
    }

    /** Classes counted so far, and their learner-turns. */
    private static final class ClassTally {

        private long classes;
        private long learnerTurns;

        void add(ClassFact trainingClass) {
            classes++;
            learnerTurns += trainingClass.learnerTurns();
        }

        long classes() {
            return classes;
        }

        long learnerTurns() {
            return learnerTurns;
        }

        ClassFigures figures() {
            return new ClassFigures(classes, learnerTurns);
        }

        UnitClassFigures figuresOf(Unit unit) {
            return new UnitClassFigures(unit.id(), unit.name(), classes, learnerTurns);
        }
    }

    private static List<PlanFigures> plans(
            BriefingRequest request,
            List<Unit> scope,
            List<Integer> years,
            BriefingFactsReader facts,
            List<UnitClassFacts> classes) {
        List<String> ids = new ArrayList<>();
        scope.forEach(unit -> years.forEach(year -> ids.add(PlanFacts.idOf(unit.id(), year))));
        Map<String, PlanFacts> plansById = new HashMap<>();
        facts.findAll(ids, PlanFacts.class).forEach(plan -> plansById.put(plan.id(), plan));
        Map<String, UnitClassFacts> classesById = new HashMap<>();
        classes.forEach(unitClasses -> classesById.put(unitClasses.id(), unitClasses));
        List<PlanFigures> plans = new ArrayList<>();
        for (Unit unit : scope) {
            for (int year : years) {
                PlanFacts plan = plansById.get(PlanFacts.idOf(unit.id(), year));
                if (plan != null) {
                    plans.add(planFigures(request, unit, plan, classesById.get(UnitClassFacts.idOf(unit.id(), year))));
                }
            }
        }
        return List.copyOf(plans);
    }

    private static PlanFigures planFigures(
            BriefingRequest request, Unit unit, PlanFacts plan, UnitClassFacts unitClasses) {
        List<ClassFact> classes = unitClasses == null
                ? List.of()
                : List.copyOf(unitClasses.classes().values());
        List<PlanLineFigures> lines = new ArrayList<>();
        for (PlanLine line : plan.lines()) {
            long actual = classes.stream()
                    .filter(trainingClass -> counts(trainingClass, request))
                    .filter(trainingClass -> line.blocs().contains(trainingClass.bloc()))
                    .count();
            lines.add(new PlanLineFigures(line.label(), line.blocs(), line.classes(), actual));
        }
        return new PlanFigures(unit.id(), unit.name(), plan.year(), List.copyOf(lines));
    }

    private static List<ContestFigures> contests(BriefingRequest request, List<Unit> scope, BriefingFactsReader facts) {
        List<String> ids = facts.find(ContestList.ID, ContestList.class)
                .map(list -> list.contestIds().stream().map(ContestFacts::idOf).toList())
                .orElse(List.of());
        Set<String> unitIds = Set.copyOf(scope.stream().map(Unit::id).toList());
        Instant periodStart = request.from().atStartOfDay(COMMISSION_ZONE).toInstant();
        Instant periodEnd =
                request.to().plusDays(1).atStartOfDay(COMMISSION_ZONE).toInstant();
        List<ContestFigures> contests = new ArrayList<>();
        for (ContestFacts contest : facts.findAll(ids, ContestFacts.class)) {
            if (!contest.opensAt().isBefore(periodEnd) || contest.closesAt().isBefore(periodStart)) {
                continue;
            }
            long entries = 0;
            for (Map.Entry<String, Map<String, Long>> day :
                    contest.entriesByDay().entrySet()) {
                if (within(LocalDate.parse(day.getKey()), request)) {
                    for (Map.Entry<String, Long> unitEntries : day.getValue().entrySet()) {
                        if (unitIds.contains(unitEntries.getKey())) {
                            entries += unitEntries.getValue();
                        }
                    }
                }
            }
            contests.add(new ContestFigures(
                    UUID.fromString(contest.contestId()), contest.title(), entries, contest.participants()));
        }
        contests.sort((left, right) -> left.title().compareTo(right.title()));
        return List.copyOf(contests);
    }

    private static boolean within(LocalDate day, BriefingRequest request) {
        return !day.isBefore(request.from()) && !day.isAfter(request.to());
    }
}
