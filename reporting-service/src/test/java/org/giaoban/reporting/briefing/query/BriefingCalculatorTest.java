package org.giaoban.reporting.briefing.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.giaoban.reporting.briefing.query.BriefingReport.ClassFigures;
import org.giaoban.reporting.briefing.query.UnitClassFacts.ClassFact;
import org.giaoban.reporting.briefing.query.UnitTaskFacts.TaskFact;
import org.giaoban.tasks.api.task.TaskStatus;
import org.giaoban.training.api.plan.PlanLine;
import org.giaoban.training.api.trainingclass.Bloc;
import org.giaoban.training.api.trainingclass.ClassFormat;
import org.giaoban.units.UnitCatalogue;
import org.junit.jupiter.api.Test;

/** The counting rules on facts set up by hand, for the cases the integration test does not reach. */
class BriefingCalculatorTest {

    private static final LocalDate LONG_AFTER = LocalDate.of(2026, 11, 26);

    private final InMemoryBriefingFacts facts = new InMemoryBriefingFacts();
    private final BriefingCalculator calculator = new BriefingCalculator(UnitCatalogue.hanoi());

    @Test
    void whileThePeriodRunsOnlyWhatIsDueBeforeTodayIsOverdue() {
        tasks("HN", task("2022-03-01", TaskStatus.OPEN, null), task("2022-03-20", TaskStatus.OPEN, null));

        BriefingReport report =
                calculator.calculate(request("2022-01-01", "2022-12-31"), facts, date("2022-03-10"), Map.of());

        assertThat(report.tasks().due()).isEqualTo(2);
        assertThat(report.tasks().overdue()).isEqualTo(1);
    }

    @Test
    void aPeriodWithNothingDueHasNoCompletionRate() {
        BriefingReport report = calculator.calculate(request("2022-01-01", "2022-12-31"), facts, LONG_AFTER, Map.of());

        assertThat(report.tasks().due()).isZero();
        assertThat(report.tasks().completionRate()).isNull();
        assertThat(report.tasks().byUnit()).isEmpty();
    }

    @Test
    void theCompletionRateIsRoundedToFourDecimals() {
        tasks(
                "HN",
                task("2022-01-10", TaskStatus.COMPLETED, "2022-01-09"),
                task("2022-01-11", TaskStatus.COMPLETED, "2022-01-09"),
                task("2022-01-12", TaskStatus.OPEN, null));

        BriefingReport report = calculator.calculate(request("2022-01-01", "2022-12-31"), facts, LONG_AFTER, Map.of());

        assertThat(report.tasks().completionRate()).isEqualTo(0.6667);
    }

    @Test
    void aPeriodOverTwoYearsCountsTheClassesOfBoth() {
        classes("HN-BAVI", 2022, classFact("2022-12-30", 10));
        classes("HN-BAVI", 2023, classFact("2023-01-02", 20));
        classes("HN-BAVI", 2024, classFact("2024-01-02", 40));

        BriefingReport report = calculator.calculate(request("2022-12-01", "2023-01-31"), facts, LONG_AFTER, Map.of());

        assertThat(report.training().classes()).isEqualTo(2);
        assertThat(report.training().byBloc().get(Bloc.PARTY)).isEqualTo(new ClassFigures(2, 30));
    }

    @Test
    void aUnitFilterLeavesOutItsSiblingsAndItsParent() {
        classes("HN", 2022, classFact("2022-03-01", 100));
        classes("HN-BAVI", 2022, classFact("2022-03-01", 10));
        classes("HN-QUOCOAI", 2022, classFact("2022-03-01", 20));

        BriefingReport report = calculator.calculate(
                new BriefingRequest(date("2022-01-01"), date("2022-12-31"), "HN-BAVI", null),
                facts,
                LONG_AFTER,
                Map.of());

        assertThat(report.training().learnerTurns()).isEqualTo(10);
        assertThat(report.unitName()).isEqualTo("Ban Tuyên giáo Huyện ủy Ba Vì");
    }

    @Test
    void aPlansActualsAreItsUnitsClassesOfItsBlocsInThePeriod() {
        classes(
                "HN-HOANKIEM",
                2022,
                classFact("2022-02-01", 1),
                classFact("2022-10-01", 1),
                new ClassFact(Bloc.STATE, ClassFormat.ONLINE, date("2022-02-01"), false, 1, 0),
                new ClassFact(Bloc.STATE, ClassFormat.ONLINE, date("2022-02-02"), true, 1, 0));
        facts.save(new PlanFacts(
                PlanFacts.idOf("HN-HOANKIEM", 2022),
                "HN-HOANKIEM",
                2022,
                List.of(
                        new PlanLine("Khối Đảng và đoàn thể", List.of(Bloc.PARTY, Bloc.MASS_ORGANISATIONS), 66),
                        new PlanLine("Quản lý nhà nước", List.of(Bloc.STATE), 31)),
                3));

        BriefingReport report = calculator.calculate(request("2022-01-01", "2022-09-08"), facts, LONG_AFTER, Map.of());

        assertThat(report.trainingPlans()).hasSize(1);
        assertThat(report.trainingPlans().get(0).lines())
                .extracting(line -> line.planned() + "/" + line.actual())
                .containsExactly("66/1", "31/1");
    }

    @Test
    void aContestOutsideThePeriodIsNotListed() {
        contest("2022-06-01T00:00:00Z", "2022-08-31T16:59:59Z");

        assertThat(calculator
                        .calculate(request("2022-09-01", "2022-12-31"), facts, LONG_AFTER, Map.of())
                        .contests())
                .isEmpty();
        assertThat(calculator
                        .calculate(request("2022-08-31", "2022-12-31"), facts, LONG_AFTER, Map.of())
                        .contests())
                .hasSize(1);
    }

    private void tasks(String unitId, TaskFact... tasks) {
        Map<String, TaskFact> byId = new HashMap<>();
        for (int i = 0; i < tasks.length; i++) {
            byId.put(unitId + "-task-" + i, tasks[i]);
        }
        facts.save(new UnitTaskFacts(UnitTaskFacts.idOf(unitId), unitId, byId));
    }

    private void classes(String unitId, int year, ClassFact... classes) {
        Map<String, ClassFact> byId = new HashMap<>();
        for (int i = 0; i < classes.length; i++) {
            byId.put(unitId + "-class-" + year + "-" + i, classes[i]);
        }
        facts.save(new UnitClassFacts(UnitClassFacts.idOf(unitId, year), unitId, year, byId));
    }

    private void contest(String opensAt, String closesAt) {
        String contestId = "7a1803d8-cff7-4554-bf3d-fb9e335de054";
        facts.save(new ContestFacts(
                ContestFacts.idOf(contestId),
                contestId,
                "Cuộc thi",
                Instant.parse(opensAt),
                Instant.parse(closesAt),
                0,
                -1,
                Map.of()));
        facts.save(new ContestList(ContestList.ID, new TreeSet<>(List.of(contestId))));
    }

    private static TaskFact task(String dueOn, TaskStatus status, String completedOn) {
        return new TaskFact("2022", date(dueOn), status, completedOn == null ? null : date(completedOn), 0);
    }

    private static ClassFact classFact(String startsOn, long learnerTurns) {
        return new ClassFact(Bloc.PARTY, ClassFormat.IN_PERSON, date(startsOn), false, learnerTurns, 0);
    }

    private static BriefingRequest request(String from, String to) {
        return new BriefingRequest(date(from), date(to), "HN", null);
    }

    private static LocalDate date(String day) {
        return LocalDate.parse(day);
    }
}
