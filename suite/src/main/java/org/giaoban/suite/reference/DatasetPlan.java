package org.giaoban.suite.reference;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The whole reference dataset as it will be sent, before anything is sent: work items with what happens to them,
 * documents, classes with their learners, plans, the contest, and the late corrections made after the meeting. It
 * holds no connection and no clock, so its figures can be counted and checked before the load.
 */
record DatasetPlan(
        long seed,
        List<PlannedTask> tasks,
        List<PlannedDocument> documents,
        List<PlannedClass> classes,
        List<PlannedTrainingPlan> trainingPlans,
        PlannedContest contest,
        List<Correction> corrections) {

    enum ClassFormat {
        IN_PERSON,
        ONLINE,
        BLENDED
    }

    /** How a class's learners are sent: as a CSV class list, as a JSON list, or one request per learner. */
    enum EnrolmentMode {
        CSV,
        JSON,
        ONE_BY_ONE
    }

    /** A document kind with the abbreviation used in document numbers and its Vietnamese name. */
    enum DocumentKind {
        RESOLUTION("NQ", "Nghị quyết"),
        DIRECTIVE("CT", "Chỉ thị"),
        PLAN("KH", "Kế hoạch"),
        GUIDANCE("HD", "Hướng dẫn"),
        REPORT("BC", "Báo cáo"),
        OTHER("CV", "Công văn");

        private final String abbreviation;
        private final String vietnamese;

        DocumentKind(String abbreviation, String vietnamese) {
            this.abbreviation = abbreviation;
            this.vietnamese = vietnamese;
        }

        String abbreviation() {
            return abbreviation;
        }

        String vietnamese() {
            return vietnamese;
        }
    }

    /** A work item of a programme and what is done to it during the main load, in order. */
    record PlannedTask(
            String key,
            String programme,
            String title,
            String unitId,
            LocalDate dueOn,
            String description,
            List<TaskStep> steps) {}

    /** One change to a work item after it was planned. */
    sealed interface TaskStep {

        record Complete(LocalDate completedOn, String note) implements TaskStep {}

        record Reopen(String reason) implements TaskStep {}

        record Reschedule(LocalDate dueOn, String reason) implements TaskStep {}

        record Cancel(String reason) implements TaskStep {}
    }

    /** A direction document; {@code taskKey} names the work item it serves, {@code revocation} why it is revoked. */
    record PlannedDocument(
            String key,
            String number,
            String title,
            DocumentKind kind,
            String unitId,
            LocalDate issuedOn,
            String taskKey,
            String revocation) {}

    record Learner(String learnerId, String fullName, String unitId) {}

    /**
     * A training class: every learner in {@code learners} is enrolled, then those in {@code withdrawals} are withdrawn,
     * then the class is cancelled when {@code cancellation} gives a reason.
     */
    record PlannedClass(
            String key,
            String title,
            String organizerUnitId,
            Bloc bloc,
            ClassFormat format,
            LocalDate startsOn,
            LocalDate endsOn,
            Integer capacity,
            List<Learner> learners,
            EnrolmentMode enrolment,
            List<String> withdrawals,
            String cancellation) {

        int enrolledAtTheEnd() {
            return learners.size() - withdrawals.size();
        }
    }

    record PlanLine(String label, List<Bloc> blocs, int classes) {}

    record PlannedTrainingPlan(String unitId, int year, List<PlanLine> lines) {

        int totalClasses() {
            return lines.stream().mapToInt(PlanLine::classes).sum();
        }
    }

    /** A change made after the meeting, in the order given; together they leave every figure as it was. */
    sealed interface Correction {

        record EnrolLearner(String classKey, Learner learner) implements Correction {}

        record WithdrawLearner(String classKey, String learnerId) implements Correction {}

        record ChangeTask(String taskKey, TaskStep step) implements Correction {}

        record CancelClass(String classKey, String reason) implements Correction {}

        /** A class opened in place of a cancelled one; its learners are sent as a JSON list. */
        record OpenClass(PlannedClass replacement) implements Correction {}
    }

    /** The figures of the report for unit {@code HN} over [from, to], before or after the corrections. */
    BriefingFigures figures(LocalDate from, LocalDate to, boolean withCorrections) {
        Map<String, List<TaskStep>> laterSteps = new HashMap<>();
        Map<String, Set<String>> rosters = new HashMap<>();
        Set<String> cancelled = new HashSet<>();
        List<PlannedClass> allClasses = new ArrayList<>(classes);
        for (PlannedClass planned : classes) {
            Set<String> roster = new LinkedHashSet<>();
            planned.learners().forEach(learner -> roster.add(learner.learnerId()));
            planned.withdrawals().forEach(roster::remove);
            rosters.put(planned.key(), roster);
            if (planned.cancellation() != null) {
                cancelled.add(planned.key());
            }
        }
        if (withCorrections) {
            for (Correction correction : corrections) {
                if (correction instanceof Correction.EnrolLearner enrol) {
                    rosters.get(enrol.classKey()).add(enrol.learner().learnerId());
                } else if (correction instanceof Correction.WithdrawLearner withdraw) {
                    rosters.get(withdraw.classKey()).remove(withdraw.learnerId());
                } else if (correction instanceof Correction.ChangeTask change) {
                    laterSteps
                            .computeIfAbsent(change.taskKey(), key -> new ArrayList<>())
                            .add(change.step());
                } else if (correction instanceof Correction.CancelClass cancel) {
                    cancelled.add(cancel.classKey());
                } else if (correction instanceof Correction.OpenClass open) {
                    PlannedClass replacement = open.replacement();
                    allClasses.add(replacement);
                    Set<String> roster = new LinkedHashSet<>();
                    replacement.learners().forEach(learner -> roster.add(learner.learnerId()));
                    rosters.put(replacement.key(), roster);
                }
            }
        }
        int due = 0;
        int done = 0;
        for (PlannedTask task : tasks) {
            TaskState state = TaskState.after(task, laterSteps.getOrDefault(task.key(), List.of()));
            if (!state.cancelled() && within(state.dueOn(), from, to)) {
                due++;
                if (state.completedOn() != null && !state.completedOn().isAfter(to)) {
                    done++;
                }
            }
        }
        int issued = (int) documents.stream()
                .filter(document -> document.revocation() == null && within(document.issuedOn(), from, to))
                .count();
        Map<Bloc, int[]> counts = new EnumMap<>(Bloc.class);
        for (PlannedClass planned : allClasses) {
            if (!cancelled.contains(planned.key()) && within(planned.startsOn(), from, to)) {
                int[] count = counts.computeIfAbsent(planned.bloc(), bloc -> new int[2]);
                count[0]++;
                count[1] += rosters.get(planned.key()).size();
            }
        }
        Map<Bloc, BriefingFigures.ClassCount> byBloc = new EnumMap<>(Bloc.class);
        for (Bloc bloc : Bloc.values()) {
            int[] count = counts.getOrDefault(bloc, new int[2]);
            byBloc.put(bloc, new BriefingFigures.ClassCount(count[0], count[1]));
        }
        long entries = contest == null ? 0 : contest.entriesSubmittedBetween(from, to);
        long participants = contest == null ? 0 : contest.participants();
        return new BriefingFigures(due, done, issued, byBloc, entries, participants);
    }

    private static boolean within(LocalDate date, LocalDate from, LocalDate to) {
        return !date.isBefore(from) && !date.isAfter(to);
    }

    /** Where a work item stands after its steps: its due date, whether cancelled, and its completion date if done. */
    record TaskState(LocalDate dueOn, boolean cancelled, LocalDate completedOn) {

        static TaskState after(PlannedTask task, List<TaskStep> laterSteps) {
            TaskState state = new TaskState(task.dueOn(), false, null);
            for (TaskStep step : task.steps()) {
                state = state.then(step);
            }
            for (TaskStep step : laterSteps) {
                state = state.then(step);
            }
            return state;
        }

        TaskState then(TaskStep step) {
            if (step instanceof TaskStep.Complete complete) {
                return new TaskState(dueOn, cancelled, complete.completedOn());
            }
            if (step instanceof TaskStep.Reopen) {
                return new TaskState(dueOn, cancelled, null);
            }
            if (step instanceof TaskStep.Reschedule reschedule) {
                return new TaskState(reschedule.dueOn(), cancelled, completedOn);
            }
            return new TaskState(dueOn, true, completedOn);
        }
    }
}
