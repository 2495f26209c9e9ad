package org.giaoban.suite.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.giaoban.suite.reference.DatasetPlan.Correction;
import org.giaoban.suite.reference.DatasetPlan.EnrolmentMode;
import org.giaoban.suite.reference.DatasetPlan.Learner;
import org.giaoban.suite.reference.DatasetPlan.PlanLine;
import org.giaoban.suite.reference.DatasetPlan.PlannedClass;
import org.giaoban.suite.reference.DatasetPlan.PlannedDocument;
import org.giaoban.suite.reference.DatasetPlan.PlannedTask;
import org.giaoban.suite.reference.DatasetPlan.PlannedTrainingPlan;
import org.giaoban.suite.reference.DatasetPlan.TaskStep;
import org.giaoban.units.UnitCatalogue;
import org.giaoban.units.UnitKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reference dataset counted by the rules of DOMAIN.md, here and not by the planner's bookkeeping: each work item's
 * steps are replayed, each class's roster is built from its enrolments less its withdrawals, cancellations and
 * revocations are applied, and the corrections are played on top.
 */
class DatasetPlanTest {

    private static final long SEED = 20_220_908L;
    private static final DatasetPlan PLAN = DatasetPlanner.plan(SEED, 1_000_000);
    private static final LocalDate FROM = LocalDate.of(2022, 1, 1);
    private static final UnitCatalogue UNITS = UnitCatalogue.hanoi();
    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

    @ParameterizedTest
    @ValueSource(strings = {"2022-09-08", "2022-09-30"})
    void workItemsDueAndDoneAreThePublishedEightySevenAndEightyFour(String to) {
        for (boolean corrected : new boolean[] {false, true}) {
            Tally tally = Tally.of(PLAN, FROM, LocalDate.parse(to), corrected);

            assertThat(tally.tasksDue).isEqualTo(87);
            assertThat(tally.tasksDone).isEqualTo(84);
        }
    }

    @Test
    void theThreeItemsNotDoneAreOpenAndDueOnTheEighthOfSeptember() {
        List<PlannedTask> notDone = PLAN.tasks().stream()
                .filter(task -> task.steps().isEmpty() && !task.dueOn().isAfter(LocalDate.of(2022, 9, 8)))
                .toList();

        assertThat(notDone)
                .hasSize(3)
                .allSatisfy(task -> assertThat(task.dueOn()).isEqualTo(LocalDate.of(2022, 9, 8)));
    }

    @Test
    void everyCountedItemFallsDueFromTheTenthOfJanuaryAndIsCompletedOnOrBeforeItsDueDate() {
        int onTheDay = 0;
        int early = 0;
        for (PlannedTask task : PLAN.tasks()) {
            Replay replay = Replay.of(task, List.of());
            if (replay.cancelled || replay.dueOn.isAfter(LocalDate.of(2022, 9, 30))) {
                continue;
            }
            assertThat(replay.dueOn).isBetween(LocalDate.of(2022, 1, 10), LocalDate.of(2022, 9, 8));
            if (replay.completedOn != null) {
                assertThat(replay.completedOn).isBeforeOrEqualTo(replay.dueOn);
                if (replay.completedOn.equals(replay.dueOn)) {
                    onTheDay++;
                } else {
                    early++;
                }
            }
        }
        assertThat(onTheDay).isPositive();
        assertThat(early).isPositive();
    }

    @Test
    void workItemsAreSpreadOverTheCityAndDistrictsAndTheExcludedOnesAreThere() {
        Map<String, Integer> byUnit = new TreeMap<>();
        int cancelled = 0;
        int rescheduledOutOfThePeriod = 0;
        int dueInTheLastQuarter = 0;
        int completedTwice = 0;
        for (PlannedTask task : PLAN.tasks()) {
            assertThat(task.programme()).isEqualTo("2022");
            Replay replay = Replay.of(task, List.of());
            boolean counted = !replay.cancelled && !replay.dueOn.isAfter(LocalDate.of(2022, 9, 8));
            if (counted) {
                byUnit.merge(task.unitId(), 1, Integer::sum);
            }
            if (replay.cancelled && task.dueOn().isBefore(LocalDate.of(2022, 9, 8))) {
                cancelled++;
            }
            if (task.steps().stream().anyMatch(TaskStep.Reschedule.class::isInstance)
                    && !task.dueOn().isAfter(LocalDate.of(2022, 9, 8))
                    && replay.dueOn.getMonthValue() == 11) {
                rescheduledOutOfThePeriod++;
            }
            if (task.dueOn().isAfter(LocalDate.of(2022, 9, 30))) {
                dueInTheLastQuarter++;
            }
            if (task.steps().stream()
                                    .filter(TaskStep.Complete.class::isInstance)
                                    .count()
                            == 2
                    && task.steps().stream().anyMatch(TaskStep.Reopen.class::isInstance)) {
                completedTwice++;
                assertThat(counted).isTrue();
            }
        }
        assertThat(byUnit.get("HN")).isGreaterThan(87 / 2);
        assertThat(byUnit).hasSizeGreaterThan(5);
        assertThat(cancelled).isEqualTo(2);
        assertThat(rescheduledOutOfThePeriod).isEqualTo(1);
        assertThat(dueInTheLastQuarter).isBetween(6, 10);
        assertThat(completedTwice).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2022-09-08", "2022-09-30"})
    void documentsIssuedAndNotRevokedAreThePublishedFourteenHundredAndTwenty(String to) {
        assertThat(Tally.of(PLAN, FROM, LocalDate.parse(to), true).documents).isEqualTo(1_420);
    }

    @Test
    void documentsComeFromTheCityMostAndFromUnitsUnderItOfEveryKindWithRevokedAndLaterOnesBeside() {
        Map<String, Integer> byUnit = new HashMap<>();
        Set<DatasetPlan.DocumentKind> kinds = new HashSet<>();
        int revoked = 0;
        int afterBothPeriods = 0;
        for (PlannedDocument document : PLAN.documents()) {
            assertThat(UNITS.isWithin(document.unitId(), "HN")).isTrue();
            if (document.revocation() != null) {
                revoked++;
                assertThat(document.issuedOn()).isBetween(FROM, LocalDate.of(2022, 9, 8));
            } else if (document.issuedOn().isAfter(LocalDate.of(2022, 9, 30))) {
                afterBothPeriods++;
                assertThat(document.issuedOn()).isBeforeOrEqualTo(LocalDate.of(2022, 12, 31));
            } else {
                assertThat(document.issuedOn()).isBetween(FROM, LocalDate.of(2022, 9, 8));
                byUnit.merge(document.unitId(), 1, Integer::sum);
                kinds.add(document.kind());
            }
        }
        int mostElsewhere = byUnit.entrySet().stream()
                .filter(unit -> !unit.getKey().equals("HN"))
                .mapToInt(Map.Entry::getValue)
                .max()
                .orElseThrow();
        assertThat(byUnit.get("HN")).isGreaterThan(mostElsewhere);
        assertThat(byUnit).hasSizeGreaterThan(30);
        assertThat(kinds).containsExactlyInAnyOrder(DatasetPlan.DocumentKind.values());
        assertThat(revoked).isBetween(10, 15);
        assertThat(afterBothPeriods).isBetween(200, 300);
    }

    @Test
    void documentNumbersAreUniqueWithinEachUnitAndLookLikeRealOnes() {
        Pattern party = Pattern.compile("\\d{1,4}-(NQ|CT|KH|HD|BC|CV|TB)/BTG(TU|QU|HU)");
        Pattern agency = Pattern.compile("\\d{1,4}/(NQ|CT|KH|HD|BC|CV|TB)-[A-Z]+");
        Set<String> seen = new HashSet<>();
        for (PlannedDocument document : PLAN.documents()) {
            String key = document.unitId() + " "
                    + document.number().replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
            assertThat(seen.add(key)).as(key).isTrue();
            boolean isAgency = UNITS.find(document.unitId()).orElseThrow().kind() == UnitKind.AGENCY;
            assertThat(document.number()).matches(isAgency ? agency : party);
        }
        assertThat(PLAN.documents())
                .anySatisfy(document -> assertThat(document.number()).endsWith("-KH/BTGTU"))
                .anySatisfy(document -> assertThat(document.number()).endsWith("-CV/BTGQU"));
    }

    @Test
    void documentsThatNameAWorkItemNameAPlannedOne() {
        Set<String> taskKeys = new HashSet<>();
        PLAN.tasks().forEach(task -> taskKeys.add(task.key()));

        assertThat(PLAN.documents().stream().filter(document -> document.taskKey() != null))
                .isNotEmpty()
                .allSatisfy(document -> assertThat(taskKeys).contains(document.taskKey()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2022-09-08", "2022-09-30"})
    void classesAndLearnerTurnsByBlocAreThePublishedOnes(String to) {
        for (boolean corrected : new boolean[] {false, true}) {
            Tally tally = Tally.of(PLAN, FROM, LocalDate.parse(to), corrected);

            assertThat(tally.byBloc)
                    .containsOnly(
                            Map.entry("PARTY", new Count(614, 102_068)),
                            Map.entry("MASS_ORGANISATIONS", new Count(288, 52_467)),
                            Map.entry("STATE", new Count(490, 71_215)),
                            Map.entry("OTHER", new Count(26, 4_766)));
            assertThat(tally.byBloc.values().stream().mapToLong(Count::classes).sum())
                    .isEqualTo(1_418);
            assertThat(tally.byBloc.values().stream()
                            .mapToLong(Count::learnerTurns)
                            .sum())
                    .isEqualTo(230_516);
        }
    }

    @Test
    void classesAreSpreadOverUnitsMonthsFormatsAndSizes() {
        Tally tally = Tally.of(PLAN, FROM, LocalDate.of(2022, 9, 8), true);
        Set<Integer> months = new HashSet<>();
        Map<String, Integer> formats = new HashMap<>();
        int smallest = Integer.MAX_VALUE;
        int largest = 0;
        for (PlannedClass planned : PLAN.classes()) {
            if (planned.cancellation() == null && !planned.startsOn().isAfter(LocalDate.of(2022, 9, 8))) {
                assertThat(planned.startsOn()).isAfterOrEqualTo(LocalDate.of(2022, 1, 5));
                assertThat(planned.endsOn()).isAfterOrEqualTo(planned.startsOn());
                months.add(planned.startsOn().getMonthValue());
                formats.merge(planned.format().name(), 1, Integer::sum);
                smallest = Math.min(smallest, planned.learners().size());
                largest = Math.max(largest, planned.learners().size());
            }
        }
        Set<String> districtsAndCity = new HashSet<>();
        UNITS.all().stream()
                .filter(unit -> unit.kind() != UnitKind.AGENCY)
                .forEach(unit -> districtsAndCity.add(unit.id()));
        assertThat(tally.byUnit.keySet()).containsAll(districtsAndCity).contains("HN-DAIPTTH", "HN-TRUONGLEHONGPHONG");
        assertThat(months).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(formats.get("IN_PERSON")).isGreaterThan(formats.get("ONLINE") + formats.get("BLENDED"));
        assertThat(formats.get("ONLINE")).isPositive();
        assertThat(formats.get("BLENDED")).isPositive();
        assertThat(smallest).isLessThan(50);
        assertThat(largest).isGreaterThan(500);
    }

    @Test
    void everyRosterIsValidAndLearnersAreCitizenIdsWhoTakePartInSeveralClasses() {
        Pattern citizenId = Pattern.compile("001[0-3]\\d{8}");
        Map<String, Integer> classesOfLearner = new HashMap<>();
        Map<String, String> nameOfLearner = new HashMap<>();
        for (PlannedClass planned : PLAN.classes()) {
            Set<String> roster = new HashSet<>();
            for (Learner learner : planned.learners()) {
                assertThat(learner.learnerId()).matches(citizenId);
                assertThat(roster.add(learner.learnerId())).isTrue();
                assertThat(UNITS.contains(learner.unitId())).isTrue();
                assertThat(nameOfLearner.putIfAbsent(learner.learnerId(), learner.fullName()))
                        .isIn(null, learner.fullName());
                classesOfLearner.merge(learner.learnerId(), 1, Integer::sum);
            }
            assertThat(roster).containsAll(planned.withdrawals());
            assertThat(new HashSet<>(planned.withdrawals())).hasSameSizeAs(planned.withdrawals());
            if (planned.capacity() != null) {
                assertThat(planned.capacity())
                        .isGreaterThanOrEqualTo(planned.learners().size());
            }
            assertThat(planned.learners().size()).isLessThanOrEqualTo(10_000);
        }
        long inSeveral =
                classesOfLearner.values().stream().filter(count -> count > 1).count();
        assertThat(inSeveral).isGreaterThan(classesOfLearner.size() / 3);
    }

    @Test
    void theExcludedClassesWithdrawalsAndEnrolmentModesAreThere() {
        int cancelledInThePeriod = 0;
        int afterBothPeriods = 0;
        int withdrawals = 0;
        Map<EnrolmentMode, Integer> modes = new HashMap<>();
        for (PlannedClass planned : PLAN.classes()) {
            modes.merge(planned.enrolment(), 1, Integer::sum);
            withdrawals += planned.withdrawals().size();
            if (planned.cancellation() != null) {
                cancelledInThePeriod++;
                assertThat(planned.startsOn()).isBetween(FROM, LocalDate.of(2022, 9, 8));
                assertThat(planned.learners()).isNotEmpty();
            } else if (planned.startsOn().isAfter(LocalDate.of(2022, 9, 8))) {
                afterBothPeriods++;
                assertThat(planned.startsOn()).isBetween(LocalDate.of(2022, 10, 1), LocalDate.of(2022, 12, 20));
                assertThat(planned.learners()).isNotEmpty();
            }
        }
        assertThat(cancelledInThePeriod).isBetween(15, 25);
        assertThat(afterBothPeriods).isBetween(120, 180);
        assertThat(withdrawals).isBetween(500, 700);
        assertThat(modes.get(EnrolmentMode.CSV)).isGreaterThan(400);
        assertThat(modes.get(EnrolmentMode.JSON)).isGreaterThan(400);
        assertThat(modes.get(EnrolmentMode.ONE_BY_ONE)).isPositive();
    }

    @Test
    void hoanKiemPlansNinetySevenClassesInTwoLinesAndOtherUnitsHavePlansToo() {
        PlannedTrainingPlan hoanKiem = PLAN.trainingPlans().stream()
                .filter(plan -> plan.unitId().equals("HN-HOANKIEM"))
                .findFirst()
                .orElseThrow();

        assertThat(hoanKiem.year()).isEqualTo(2022);
        assertThat(hoanKiem.lines())
                .containsExactly(
                        new PlanLine("Khối Đảng và đoàn thể", List.of(Bloc.PARTY, Bloc.MASS_ORGANISATIONS), 66),
                        new PlanLine("Quản lý nhà nước", List.of(Bloc.STATE), 31));
        assertThat(hoanKiem.lines().stream().mapToInt(PlanLine::classes).sum()).isEqualTo(97);
        assertThat(PLAN.trainingPlans()).hasSizeGreaterThanOrEqualTo(5);
        for (PlannedTrainingPlan plan : PLAN.trainingPlans()) {
            List<Bloc> blocs = new ArrayList<>();
            plan.lines().forEach(line -> blocs.addAll(line.blocs()));
            assertThat(blocs).doesNotHaveDuplicates();
        }
    }

    @Test
    void theContestHasAMillionEntriesFromSeventyPercentAsManyPeopleOverAllUnitsAndDays() {
        PlannedContest contest = PLAN.contest();
        Instant opens = Instant.parse("2022-06-01T00:00:00Z");
        Instant closes = Instant.parse("2022-08-31T16:59:59Z");
        Pattern participantId = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

        assertThat(contest.title()).isEqualTo("Cuộc thi trực tuyến tìm hiểu Nghị quyết 15-NQ/TW");
        assertThat(contest.subject()).isEqualTo("Nghị quyết 15-NQ/TW");
        assertThat(contest.opensAt()).isEqualTo(opens);
        assertThat(contest.closesAt()).isEqualTo(closes);
        Set<String> participants = new HashSet<>();
        Set<String> units = new HashSet<>();
        Set<LocalDate> days = new HashSet<>();
        long entries = 0;
        for (int b = 0; b < contest.batchCount(); b++) {
            List<PlannedContest.Entry> batch = contest.batch(b);
            assertThat(batch).hasSizeLessThanOrEqualTo(10_000);
            for (PlannedContest.Entry entry : batch) {
                entries++;
                assertThat(entry.submittedAt()).isBetween(opens, closes);
                assertThat(entry.score()).isBetween(0, 100);
                assertThat(entry.participantId()).matches(participantId);
                participants.add(entry.participantId());
                units.add(entry.unitId());
                days.add(entry.submittedAt().atZone(HANOI).toLocalDate());
            }
        }
        assertThat(entries).isEqualTo(1_000_000);
        assertThat(participants).hasSize(700_000).hasSize(contest.participants());
        assertThat(units).hasSameSizeAs(UNITS.all());
        assertThat(days).hasSize(92);
        assertThat(Tally.of(PLAN, FROM, LocalDate.of(2022, 9, 8), true).contestEntries)
                .isEqualTo(1_000_000);
    }

    @Test
    void aContestOfAnotherSizeOrNoneAtAll() {
        DatasetPlan small = DatasetPlanner.plan(SEED, 25_000);
        DatasetPlan none = DatasetPlanner.plan(SEED, 0);

        assertThat(small.contest().batchCount()).isEqualTo(3);
        assertThat(small.contest().batch(2)).hasSize(5_000);
        assertThat(small.contest().participants()).isEqualTo(17_500);
        assertThat(none.contest()).isNull();
        assertThat(none.classes()).isEqualTo(PLAN.classes());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2022-09-08", "2022-09-30"})
    void theCorrectionsLeaveEveryFigureAsItWasByUnitBlocAndFormat(String to) {
        Tally asPresented = Tally.of(PLAN, FROM, LocalDate.parse(to), false);
        Tally corrected = Tally.of(PLAN, FROM, LocalDate.parse(to), true);

        assertThat(corrected).isEqualTo(asPresented);
    }

    @Test
    void theCorrectionsAreTheOnesAnAuditorWouldLookFor() {
        List<Correction> corrections = PLAN.corrections();
        Map<String, PlannedClass> classes = new HashMap<>();
        PLAN.classes().forEach(planned -> classes.put(planned.key(), planned));

        Correction.EnrolLearner late = (Correction.EnrolLearner) corrections.get(0);
        Correction.WithdrawLearner leaving = (Correction.WithdrawLearner) corrections.get(1);
        assertThat(classes.get(late.classKey()).bloc()).isEqualTo(Bloc.PARTY);
        assertThat(classes.get(leaving.classKey()).bloc()).isEqualTo(Bloc.PARTY);
        assertThat(classes.get(late.classKey()).learners()).doesNotContain(late.learner());
        assertThat(classes.get(leaving.classKey()).learners())
                .extracting(Learner::learnerId)
                .contains(leaving.learnerId());

        Correction.ChangeTask reopen = (Correction.ChangeTask) corrections.get(2);
        Correction.ChangeTask complete = (Correction.ChangeTask) corrections.get(3);
        assertThat(reopen.step()).isInstanceOf(TaskStep.Reopen.class);
        assertThat(complete.taskKey()).isEqualTo(reopen.taskKey());
        assertThat(((TaskStep.Complete) complete.step()).completedOn()).isBefore(LocalDate.of(2022, 9, 8));

        Correction.CancelClass cancel = (Correction.CancelClass) corrections.get(4);
        PlannedClass replacement = ((Correction.OpenClass) corrections.get(5)).replacement();
        PlannedClass cancelled = classes.get(cancel.classKey());
        assertThat(cancelled.startsOn()).isBefore(LocalDate.of(2022, 9, 8));
        assertThat(replacement.bloc()).isEqualTo(cancelled.bloc());
        assertThat(replacement.startsOn()).isEqualTo(cancelled.startsOn());
        assertThat(replacement.learners())
                .hasSize(cancelled.learners().size() - cancelled.withdrawals().size());
    }

    @Test
    void theSameSeedGivesTheSameDatasetAndAnotherSeedAnotherOneWithTheSameFigures() {
        DatasetPlan again = DatasetPlanner.plan(SEED, 1_000_000);
        DatasetPlan other = DatasetPlanner.plan(7, 1_000_000);

        assertThat(again.tasks()).isEqualTo(PLAN.tasks());
        assertThat(again.documents()).isEqualTo(PLAN.documents());
        assertThat(again.classes()).isEqualTo(PLAN.classes());
        assertThat(again.corrections()).isEqualTo(PLAN.corrections());
        assertThat(again.contest().batch(42)).isEqualTo(PLAN.contest().batch(42));
        assertThat(other.classes()).isNotEqualTo(PLAN.classes());
        for (String to : List.of("2022-09-08", "2022-09-30")) {
            Tally theirs = Tally.of(other, FROM, LocalDate.parse(to), true);
            Tally ours = Tally.of(PLAN, FROM, LocalDate.parse(to), true);
            assertThat(theirs.tasksDue).isEqualTo(ours.tasksDue);
            assertThat(theirs.tasksDone).isEqualTo(ours.tasksDone);
            assertThat(theirs.documents).isEqualTo(ours.documents);
            assertThat(theirs.byBloc).isEqualTo(ours.byBloc);
            assertThat(Tally.of(other, FROM, LocalDate.parse(to), false)).isEqualTo(theirs);
        }
    }

    @Test
    void thePlansOwnFiguresAgreeWithTheCount() {
        for (LocalDate to : List.of(LocalDate.of(2022, 9, 8), LocalDate.of(2022, 9, 30))) {
            BriefingFigures figures = PLAN.figures(FROM, to, true);
            Tally tally = Tally.of(PLAN, FROM, to, true);

            assertThat(figures.tasksDue()).isEqualTo(tally.tasksDue);
            assertThat(figures.tasksDone()).isEqualTo(tally.tasksDone);
            assertThat(figures.documentsIssued()).isEqualTo(tally.documents);
            figures.classesByBloc()
                    .forEach((bloc, count) -> assertThat(tally.byBloc.get(bloc.name()))
                            .isEqualTo(new Count(count.classes(), count.learnerTurns())));
            assertThat(figures.contestEntries()).isEqualTo(1_000_000);
            assertThat(figures.contestParticipants()).isEqualTo(700_000);
        }
    }

    /** Classes and learner-turns. */
    record Count(long classes, long learnerTurns) {

        Count plus(long turns) {
            return new Count(classes + 1, learnerTurns + turns);
        }
    }

    /** What the report for HN over [from, to] counts, by the rules, with its breakdowns. */
    record Tally(
            int tasksDue,
            int tasksDone,
            Map<String, String> tasksByUnit,
            int documents,
            Map<String, Integer> documentsByUnit,
            Map<String, Count> byBloc,
            Map<String, Count> byUnit,
            Map<String, Count> byFormat,
            long contestEntries) {

        static Tally of(DatasetPlan plan, LocalDate from, LocalDate to, boolean withCorrections) {
            Map<String, List<TaskStep>> later = new HashMap<>();
            Map<String, Set<String>> rosters = new HashMap<>();
            Map<String, PlannedClass> classes = new HashMap<>();
            Set<String> cancelled = new HashSet<>();
            for (PlannedClass planned : plan.classes()) {
                classes.put(planned.key(), planned);
                Set<String> roster = new LinkedHashSet<>();
                for (Learner learner : planned.learners()) {
                    roster.add(learner.learnerId());
                }
                for (String withdrawn : planned.withdrawals()) {
                    assertThat(roster.remove(withdrawn)).isTrue();
                }
                rosters.put(planned.key(), roster);
                if (planned.cancellation() != null) {
                    cancelled.add(planned.key());
                }
            }
            if (withCorrections) {
                for (Correction correction : plan.corrections()) {
                    if (correction instanceof Correction.EnrolLearner enrol) {
                        assertThat(cancelled).doesNotContain(enrol.classKey());
                        assertThat(rosters.get(enrol.classKey())
                                        .add(enrol.learner().learnerId()))
                                .isTrue();
                    } else if (correction instanceof Correction.WithdrawLearner withdraw) {
                        assertThat(cancelled).doesNotContain(withdraw.classKey());
                        assertThat(rosters.get(withdraw.classKey()).remove(withdraw.learnerId()))
                                .isTrue();
                    } else if (correction instanceof Correction.ChangeTask change) {
                        later.computeIfAbsent(change.taskKey(), key -> new ArrayList<>())
                                .add(change.step());
                    } else if (correction instanceof Correction.CancelClass cancel) {
                        assertThat(cancelled.add(cancel.classKey())).isTrue();
                    } else if (correction instanceof Correction.OpenClass open) {
                        PlannedClass replacement = open.replacement();
                        classes.put(replacement.key(), replacement);
                        Set<String> roster = new LinkedHashSet<>();
                        replacement.learners().forEach(learner -> roster.add(learner.learnerId()));
                        rosters.put(replacement.key(), roster);
                    }
                }
            }
            int due = 0;
            int done = 0;
            Map<String, int[]> tasksByUnit = new TreeMap<>();
            for (PlannedTask task : plan.tasks()) {
                Replay replay = Replay.of(task, later.getOrDefault(task.key(), List.of()));
                if (!replay.cancelled && within(replay.dueOn, from, to)) {
                    due++;
                    int[] ofUnit = tasksByUnit.computeIfAbsent(task.unitId(), unit -> new int[2]);
                    ofUnit[0]++;
                    if (replay.completedOn != null && !replay.completedOn.isAfter(to)) {
                        done++;
                        ofUnit[1]++;
                    }
                }
            }
            Map<String, String> tasksByUnitText = new TreeMap<>();
            tasksByUnit.forEach((unit, count) -> tasksByUnitText.put(unit, count[0] + "/" + count[1]));
            int documents = 0;
            Map<String, Integer> documentsByUnit = new TreeMap<>();
            for (PlannedDocument document : plan.documents()) {
                if (document.revocation() == null && within(document.issuedOn(), from, to)) {
                    documents++;
                    documentsByUnit.merge(document.unitId(), 1, Integer::sum);
                }
            }
            Map<String, Count> byBloc = new TreeMap<>();
            Map<String, Count> byUnit = new TreeMap<>();
            Map<String, Count> byFormat = new TreeMap<>();
            for (PlannedClass planned : classes.values()) {
                if (!cancelled.contains(planned.key()) && within(planned.startsOn(), from, to)) {
                    long turns = rosters.get(planned.key()).size();
                    byBloc.merge(planned.bloc().name(), new Count(1, turns), (a, b) -> a.plus(turns));
                    byUnit.merge(planned.organizerUnitId(), new Count(1, turns), (a, b) -> a.plus(turns));
                    byFormat.merge(planned.format().name(), new Count(1, turns), (a, b) -> a.plus(turns));
                }
            }
            long entries = plan.contest() == null ? 0 : plan.contest().entriesSubmittedBetween(from, to);
            return new Tally(due, done, tasksByUnitText, documents, documentsByUnit, byBloc, byUnit, byFormat, entries);
        }

        private static boolean within(LocalDate date, LocalDate from, LocalDate to) {
            return !date.isBefore(from) && !date.isAfter(to);
        }
    }

    /** A work item replayed step by step, with a check that each step is one the service accepts. */
    static final class Replay {

        LocalDate dueOn;
        boolean cancelled;
        LocalDate completedOn;

        static Replay of(PlannedTask task, List<TaskStep> later) {
            Replay replay = new Replay();
            replay.dueOn = task.dueOn();
            List<TaskStep> steps = new ArrayList<>(task.steps());
            steps.addAll(later);
            for (TaskStep step : steps) {
                assertThat(replay.cancelled).as("a step on a cancelled item").isFalse();
                if (step instanceof TaskStep.Complete complete) {
                    assertThat(replay.completedOn)
                            .as("completing a completed item")
                            .isNull();
                    replay.completedOn = complete.completedOn();
                } else if (step instanceof TaskStep.Reopen) {
                    assertThat(replay.completedOn).as("reopening an open item").isNotNull();
                    replay.completedOn = null;
                } else if (step instanceof TaskStep.Reschedule reschedule) {
                    assertThat(replay.completedOn)
                            .as("rescheduling a completed item")
                            .isNull();
                    replay.dueOn = reschedule.dueOn();
                } else if (step instanceof TaskStep.Cancel) {
                    assertThat(replay.completedOn)
                            .as("cancelling a completed item")
                            .isNull();
                    replay.cancelled = true;
                }
            }
            return replay;
        }
    }
}
