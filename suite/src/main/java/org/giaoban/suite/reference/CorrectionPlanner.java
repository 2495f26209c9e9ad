package org.giaoban.suite.reference;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.giaoban.suite.reference.DatasetPlan.Correction;
import org.giaoban.suite.reference.DatasetPlan.EnrolmentMode;
import org.giaoban.suite.reference.DatasetPlan.Learner;
import org.giaoban.suite.reference.DatasetPlan.PlannedClass;
import org.giaoban.suite.reference.DatasetPlan.PlannedTask;
import org.giaoban.suite.reference.DatasetPlan.TaskStep;

/**
 * The changes made after the meeting, each cancelling out within one unit, bloc and format: a late learner in a Party
 * class and another withdrawn from it; a completed item reopened and completed again with an earlier date; a class
 * cancelled and opened again as a new class with the same learners.
 */
final class CorrectionPlanner {

    private final ReferenceUnits units;
    private final Random random;

    CorrectionPlanner(ReferenceUnits units, Random random) {
        this.units = units;
        this.random = random;
    }

    List<Correction> plan(List<PlannedTask> tasks, ClassPlanner.Classes classes) {
        List<PlannedClass> candidates = classes.planned().stream()
                .filter(planned -> planned.cancellation() == null
                        && !planned.startsOn().isAfter(ReferenceFigures.BRIEFING_TO)
                        && planned.withdrawals().isEmpty()
                        && planned.capacity() == null
                        && units.districts().contains(planned.organizerUnitId()))
                .toList();
        List<PlannedClass> party =
                candidates.stream().filter(c -> c.bloc() == Bloc.PARTY).toList();
        PlannedClass late = party.get(random.nextInt(party.size()));
        Learner newcomer = newcomerTo(late, classes.people());
        String leaver =
                late.learners().get(random.nextInt(late.learners().size())).learnerId();

        PlannedTask corrected = tasks.stream()
                .filter(task -> task.steps().size() == 1
                        && task.steps().get(0) instanceof TaskStep.Complete complete
                        && complete.completedOn().isAfter(LocalDate.of(2022, 3, 1)))
                .skip(random.nextInt(10))
                .findFirst()
                .orElseThrow();
        LocalDate completedOn = ((TaskStep.Complete) corrected.steps().get(0)).completedOn();

        List<PlannedClass> state = candidates.stream()
                .filter(c -> c.bloc() == Bloc.STATE && !c.key().equals(late.key()))
                .toList();
        PlannedClass moved = state.get(random.nextInt(state.size()));
        PlannedClass replacement = new PlannedClass(
                moved.key() + "R",
                moved.title() + " (lập lại)",
                moved.organizerUnitId(),
                moved.bloc(),
                moved.format(),
                moved.startsOn(),
                moved.endsOn(),
                null,
                moved.learners(),
                EnrolmentMode.JSON,
                List.of(),
                null);
        return List.of(
                new Correction.EnrolLearner(late.key(), newcomer),
                new Correction.WithdrawLearner(late.key(), leaver),
                new Correction.ChangeTask(
                        corrected.key(), new TaskStep.Reopen("Cập nhật ngày hoàn thành theo báo cáo kết quả")),
                new Correction.ChangeTask(
                        corrected.key(),
                        new TaskStep.Complete(completedOn.minusDays(3), "Ngày hoàn thành theo báo cáo kết quả")),
                new Correction.CancelClass(
                        moved.key(), "Lớp được lập lại để sửa thông tin; học viên chuyển sang lớp mới"),
                new Correction.OpenClass(replacement));
    }

    /** Someone of the class's unit who is not in it, looked for from a random person of the unit onwards. */
    private Learner newcomerTo(PlannedClass planned, ClassPlanner.People people) {
        Set<String> inClass = new HashSet<>();
        planned.learners().forEach(learner -> inClass.add(learner.learnerId()));
        int[] pool = people.poolOf(planned.organizerUnitId());
        int start = random.nextInt(pool[1]);
        for (int p = start, looked = 0; looked < pool[1]; p = (p + 1) % pool[1], looked++) {
            Learner candidate = people.get(pool[0] + p);
            if (!inClass.contains(candidate.learnerId())) {
                return candidate;
            }
        }
        throw new IllegalStateException("Everyone of " + planned.organizerUnitId() + " is in class " + planned.key());
    }
}
