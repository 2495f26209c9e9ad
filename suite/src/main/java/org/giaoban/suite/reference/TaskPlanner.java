package org.giaoban.suite.reference;

import static org.giaoban.suite.reference.ReferenceCalendar.workingDayOnOrBefore;
import static org.giaoban.suite.reference.ReferenceCalendar.workingDays;
import static org.giaoban.suite.reference.ReferenceUnits.CITY;
import static org.giaoban.suite.reference.ReferenceUnits.LONG_BIEN;
import static org.giaoban.suite.reference.ReferenceUnits.PHUC_THO;
import static org.giaoban.suite.reference.ReferenceUnits.QUOC_OAI;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.giaoban.suite.reference.DatasetPlan.PlannedTask;
import org.giaoban.suite.reference.DatasetPlan.TaskStep;
import org.giaoban.suite.reference.ReferenceTexts.Seasonal;

/**
 * The work items of the 2022 programme: the published number due by the cut-off, all but three of them done (one
 * completed, reopened and completed again), most of them the city commission's; then those the counting leaves out:
 * due in the last quarter, cancelled, and one rescheduled out of the period.
 */
final class TaskPlanner {

    private static final LocalDate FIRST_DUE = LocalDate.of(2022, 1, 10);
    private static final LocalDate FIRST_COMPLETION = LocalDate.of(2022, 1, 4);
    private static final int LATE_TASKS = 8;
    private static final int CANCELLED_TASKS = 2;

    private final ReferenceUnits units;
    private final ReferenceTexts texts;
    private final Random random;
    private final List<PlannedTask> tasks = new ArrayList<>();

    TaskPlanner(ReferenceUnits units, ReferenceTexts texts, Random random) {
        this.units = units;
        this.texts = texts;
        this.random = random;
    }

    List<PlannedTask> plan() {
        List<String> others = new ArrayList<>(units.districts());
        others.removeAll(List.of(LONG_BIEN, ReferenceFigures.HOAN_KIEM, QUOC_OAI, PHUC_THO));
        Collections.shuffle(others, random);
        List<LocalDate> workingDays = workingDays(FIRST_DUE, ReferenceFigures.BRIEFING_TO);

        List<String> counted = countedUnits(others.subList(0, 8));
        int open = ReferenceFigures.TASKS_DUE - ReferenceFigures.TASKS_DONE;
        boolean reworked = false;
        for (int i = 0; i < counted.size(); i++) {
            if (i < open) {
                add(counted.get(i), ReferenceFigures.BRIEFING_TO, List.of());
                continue;
            }
            LocalDate dueOn = dueDate(workingDays);
            LocalDate completedOn = completionOf(dueOn);
            if (!reworked && completedOn.isAfter(FIRST_DUE.plusDays(7))) {
                reworked = true;
                add(counted.get(i), dueOn, reworkedUntil(completedOn));
            } else {
                add(counted.get(i), dueOn, List.of(new TaskStep.Complete(completedOn, "Đã hoàn thành theo kế hoạch")));
            }
        }
        if (!reworked) {
            throw new IllegalStateException("No completed work item late enough to have been reworked");
        }

        List<LocalDate> lateDays = workingDays(LocalDate.of(2022, 10, 3), LocalDate.of(2022, 12, 30));
        for (int i = 0; i < LATE_TASKS; i++) {
            String unitId = i < 5 ? CITY : others.get(8 + i);
            add(unitId, lateDays.get(random.nextInt(lateDays.size())), List.of());
        }
        for (int i = 0; i < CANCELLED_TASKS; i++) {
            add(
                    i == 0 ? CITY : others.get(0),
                    dueDate(workingDays),
                    List.of(new TaskStep.Cancel(
                            i == 0
                                    ? "Không tổ chức do diễn biến phức tạp của dịch COVID-19"
                                    : "Nội dung đã được lồng ghép vào nhiệm vụ khác")));
        }
        add(
                CITY,
                LocalDate.of(2022, 8, 31),
                List.of(new TaskStep.Reschedule(
                        LocalDate.of(2022, 11, 30), "Lùi thời gian thực hiện theo chỉ đạo của Thường trực Thành ủy")));
        return List.copyOf(tasks);
    }

    /**
     * The units of the counted items, in random order: most are the city commission's, a few are those of the districts
     * the briefing names, and the rest fall to {@code others} by their size.
     */
    private List<String> countedUnits(List<String> others) {
        List<String> counted = new ArrayList<>(Collections.nCopies(50, CITY));
        counted.addAll(Collections.nCopies(5, LONG_BIEN));
        counted.addAll(Collections.nCopies(4, ReferenceFigures.HOAN_KIEM));
        counted.addAll(Collections.nCopies(4, QUOC_OAI));
        counted.addAll(Collections.nCopies(3, PHUC_THO));
        int[] shares = Shares.allocate(ReferenceFigures.TASKS_DUE - counted.size(), units.weightsOf(others, random));
        for (int i = 0; i < shares.length; i++) {
            counted.addAll(Collections.nCopies(shares[i], others.get(i)));
        }
        Collections.shuffle(counted, random);
        return counted;
    }

    /** A draft handed in a week before the item was done, sent back, and completed after all. */
    private static List<TaskStep> reworkedUntil(LocalDate completedOn) {
        return List.of(
                new TaskStep.Complete(completedOn.minusDays(7), "Đã trình dự thảo"),
                new TaskStep.Reopen("Dự thảo chưa đạt yêu cầu, cần bổ sung ý kiến các đơn vị"),
                new TaskStep.Complete(completedOn, "Đã hoàn thành sau khi bổ sung"));
    }

    private void add(String unitId, LocalDate dueOn, List<TaskStep> steps) {
        String template = Seasonal.pick(unitId.equals(CITY) ? texts.cityTasks() : texts.districtTasks(), dueOn, random);
        String title = template.replace("{m}", Integer.toString(dueOn.getMonthValue()))
                .replace("{q}", ReferenceCalendar.quarterOf(dueOn))
                .replace("{place}", units.placeOf(unitId));
        String description = random.nextInt(3) == 0
                ? "Theo Chương trình công tác năm 2022 của "
                        + units.unit(unitId).name()
                : null;
        tasks.add(new PlannedTask(
                String.format("T%03d", tasks.size() + 1),
                ReferenceFigures.PROGRAMME,
                title,
                unitId,
                dueOn,
                description,
                steps));
    }

    /** Most items fall due at the end of a month, the others on any working day. */
    private LocalDate dueDate(List<LocalDate> workingDays) {
        if (random.nextInt(10) < 4) {
            LocalDate monthEnd = workingDayOnOrBefore(
                    LocalDate.of(2022, 1 + random.nextInt(8), 1).plusMonths(1).minusDays(1));
            if (!monthEnd.isBefore(FIRST_DUE)) {
                return monthEnd;
            }
        }
        return workingDays.get(random.nextInt(workingDays.size()));
    }

    /** On the due date for about a third of the items, up to 25 days earlier for the others. */
    private LocalDate completionOf(LocalDate dueOn) {
        if (random.nextInt(3) == 0) {
            return dueOn;
        }
        LocalDate done = workingDayOnOrBefore(dueOn.minusDays(1 + random.nextInt(25)));
        return done.isBefore(FIRST_COMPLETION) ? dueOn : done;
    }
}
