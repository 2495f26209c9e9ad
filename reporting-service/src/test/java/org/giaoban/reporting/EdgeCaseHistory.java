package org.giaoban.reporting;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.giaoban.tasks.api.document.DocumentIssuedEvent;
import org.giaoban.tasks.api.document.DocumentKind;
import org.giaoban.tasks.api.document.DocumentRevokedEvent;
import org.giaoban.tasks.api.task.TaskCancelledEvent;
import org.giaoban.tasks.api.task.TaskCompletedEvent;
import org.giaoban.tasks.api.task.TaskPlannedEvent;
import org.giaoban.tasks.api.task.TaskReopenedEvent;
import org.giaoban.tasks.api.task.TaskRescheduledEvent;
import org.giaoban.training.api.contest.ContestEntriesSubmittedEvent;
import org.giaoban.training.api.contest.ContestEntry;
import org.giaoban.training.api.contest.ContestOpenedEvent;
import org.giaoban.training.api.enrolment.Learner;
import org.giaoban.training.api.enrolment.LearnerWithdrawnEvent;
import org.giaoban.training.api.enrolment.LearnersEnrolledEvent;
import org.giaoban.training.api.plan.PlanLine;
import org.giaoban.training.api.plan.TrainingPlanRecordedEvent;
import org.giaoban.training.api.trainingclass.Bloc;
import org.giaoban.training.api.trainingclass.ClassFormat;
import org.giaoban.training.api.trainingclass.TrainingClassCancelledEvent;
import org.giaoban.training.api.trainingclass.TrainingClassOpenedEvent;

/**
 * A small 2022 history with an instance of every edge of the counting rules, recorded before the meeting of
 * 6 October 2022, and corrections recorded after it. The figures it must give for 2022-01-01..2022-09-08 and HN are
 * in the comments of each part and asserted by the integration tests.
 */
final class EdgeCaseHistory {

    /** Everything of the history proper is recorded on 1 October 2022; the corrections on 10 October. */
    static final Instant RECORDED = Instant.parse("2022-10-01T02:00:00Z");

    static final Instant MEETING = Instant.parse("2022-10-06T01:30:00Z");
    static final Instant CORRECTED = Instant.parse("2022-10-10T02:00:00Z");

    static final UUID T3 = UUID.fromString("00000000-0000-0000-0000-0000000000a3");
    static final UUID C2 = UUID.fromString("00000000-0000-0000-0000-0000000000c2");
    static final UUID C6 = UUID.fromString("00000000-0000-0000-0000-0000000000c6");
    static final UUID CONTEST = UUID.fromString("00000000-0000-0000-0000-0000000000e1");

    private EdgeCaseHistory() {}

    /**
     * Work items, HN: due 6 (T1, T2, T3, T7, T8, T9), completed 3 (T1, T7, T8), open 3, overdue 2 (T2, T9: due before
     * 2022-09-08 and not done by then; T3 is due on the last day). Excluded: T4 cancelled, T5 due after the period, T6
     * rescheduled out of it. By unit: HN 1/1, HN-LONGBIEN 2/0, HN-HOANKIEM 1/1, HN-QUOCOAI 2/1.
     */
    static void writeTasks(EventStoreWriter tasks) {
        UUID t1 = planned(tasks, 1, "HN", "2022-03-01");
        complete(tasks, t1, "2022-02-28");
        UUID t2 = planned(tasks, 2, "HN-LONGBIEN", "2022-06-30");
        complete(tasks, t2, "2022-09-20");
        tasks.append("Task", T3, plannedEvent(T3, "HN-LONGBIEN", "2022-09-08"), RECORDED);
        UUID t4 = planned(tasks, 4, "HN", "2022-05-01");
        tasks.append("Task", t4, new TaskCancelledEvent(t4, "Trùng với đầu việc khác"), RECORDED);
        planned(tasks, 5, "HN", "2022-10-15");
        UUID t6 = planned(tasks, 6, "HN-HOANKIEM", "2022-04-01");
        reschedule(tasks, t6, "2022-04-01", "2022-11-01");
        UUID t7 = planned(tasks, 7, "HN-HOANKIEM", "2022-12-01");
        reschedule(tasks, t7, "2022-12-01", "2022-08-01");
        complete(tasks, t7, "2022-07-30");
        UUID t8 = planned(tasks, 8, "HN-QUOCOAI", "2022-02-01");
        complete(tasks, t8, "2022-01-31");
        tasks.append("Task", t8, new TaskReopenedEvent(t8, "Thiếu báo cáo"), RECORDED);
        complete(tasks, t8, "2022-02-02");
        UUID t9 = planned(tasks, 9, "HN-QUOCOAI", "2022-07-01");
        complete(tasks, t9, "2022-06-01");
        tasks.append("Task", t9, new TaskReopenedEvent(t9, "Chưa đạt yêu cầu"), RECORDED);
    }

    /**
     * Documents, HN: issued 3 (D1 PLAN, D2 DIRECTIVE on the last day, D3 PLAN of HN-PHUCTHO). Excluded: D4 revoked,
     * D5 issued the day after the period, D6 the day before it.
     */
    static void writeDocuments(EventStoreWriter tasks) {
        issued(tasks, 1, "HN", DocumentKind.PLAN, "2022-01-05");
        issued(tasks, 2, "HN", DocumentKind.DIRECTIVE, "2022-09-08");
        issued(tasks, 3, "HN-PHUCTHO", DocumentKind.PLAN, "2022-03-03");
        UUID d4 = issued(tasks, 4, "HN", DocumentKind.REPORT, "2022-04-04");
        tasks.append("Document", d4, new DocumentRevokedEvent(d4, "Ban hành nhầm"), RECORDED);
        issued(tasks, 5, "HN", DocumentKind.PLAN, "2022-09-09");
        issued(tasks, 6, "HN", DocumentKind.PLAN, "2021-12-31");
    }

    /**
     * Classes, HN: 4 classes, 9 learner-turns. C1 HN-HOANKIEM PARTY IN_PERSON, 3 enrolled, 1 withdrawn: 2. C2
     * HN-HOANKIEM STATE ONLINE starting on the last day: 2. C5 HN-LONGBIEN PARTY ONLINE starting on the first day, a
     * list of one and one more: 2. C6 the radio and television station (an agency) STATE IN_PERSON: 3. Excluded: C3
     * cancelled, C4 starting the day after the period. By bloc: PARTY 2/4, STATE 2/5; by format: IN_PERSON 2/5,
     * ONLINE 2/4. Hoàn Kiếm's plan (recorded twice, the second replaces the first): 66 planned, 1 held; 31 planned,
     * 1 held.
     */
    static void writeTraining(EventStoreWriter training) {
        UUID c1 = opened(training, 1, "HN-HOANKIEM", Bloc.PARTY, ClassFormat.IN_PERSON, "2022-03-01");
        enrolled(training, c1, "HN-HOANKIEM", 1, 3);
        training.append("TrainingClass", c1, new LearnerWithdrawnEvent(c1, learnerId(2), "HN-HOANKIEM"), RECORDED);
        training.append(
                "TrainingClass",
                C2,
                openedEvent(C2, "HN-HOANKIEM", Bloc.STATE, ClassFormat.ONLINE, "2022-09-08"),
                RECORDED);
        enrolled(training, C2, "HN-HOANKIEM", 10, 2);
        UUID c3 = opened(training, 3, "HN-QUOCOAI", Bloc.MASS_ORGANISATIONS, ClassFormat.BLENDED, "2022-05-05");
        enrolled(training, c3, "HN-QUOCOAI", 20, 4);
        training.append("TrainingClass", c3, new TrainingClassCancelledEvent(c3, "Không đủ học viên"), RECORDED);
        UUID c4 = opened(training, 4, "HN", Bloc.OTHER, ClassFormat.IN_PERSON, "2022-09-09");
        enrolled(training, c4, "HN", 30, 5);
        UUID c5 = opened(training, 5, "HN-LONGBIEN", Bloc.PARTY, ClassFormat.ONLINE, "2022-01-01");
        enrolled(training, c5, "HN-LONGBIEN", 40, 1);
        enrolled(training, c5, "HN-LONGBIEN", 41, 1);
        training.append(
                "TrainingClass",
                C6,
                openedEvent(C6, "HN-DAIPTTH", Bloc.STATE, ClassFormat.IN_PERSON, "2022-02-02"),
                RECORDED);
        enrolled(training, C6, "HN-DAIPTTH", 1, 3);

        String planId = "HN-HOANKIEM/2022";
        training.append(
                "TrainingPlan",
                planId,
                new TrainingPlanRecordedEvent(
                        planId, "HN-HOANKIEM", 2022, List.of(new PlanLine("Dự thảo", List.of(Bloc.PARTY), 10))),
                RECORDED);
        training.append(
                "TrainingPlan",
                planId,
                new TrainingPlanRecordedEvent(
                        planId,
                        "HN-HOANKIEM",
                        2022,
                        List.of(
                                new PlanLine("Khối Đảng và đoàn thể", List.of(Bloc.PARTY, Bloc.MASS_ORGANISATIONS), 66),
                                new PlanLine("Quản lý nhà nước", List.of(Bloc.STATE), 31))),
                RECORDED);
    }

    /**
     * The contest: 5 entries in the period (4 of HN-PHUCTHO), 3 participants. Days are Hanoi's: the first entry,
     * 18:00 UTC on 31 May, is on 1 June (the only entry of a report for 1 June); the last, 16:30 UTC on 31 August, is
     * still on 31 August.
     */
    static void writeContest(EventStoreWriter training) {
        training.append(
                "Contest",
                CONTEST,
                new ContestOpenedEvent(
                        CONTEST,
                        "Cuộc thi trực tuyến tìm hiểu Nghị quyết 15-NQ/TW",
                        "Nghị quyết 15-NQ/TW",
                        Instant.parse("2022-05-31T17:00:00Z"),
                        Instant.parse("2022-08-31T16:59:59Z")),
                RECORDED);
        training.publish(
                new ContestEntriesSubmittedEvent(
                        CONTEST,
                        List.of(
                                entry("p1", "HN-PHUCTHO", "2022-05-31T18:00:00Z"),
                                entry("p2", "HN-HOANKIEM", "2022-06-10T03:00:00Z"),
                                entry("p1", "HN-PHUCTHO", "2022-06-11T03:00:00Z")),
                        2),
                RECORDED);
        training.publish(
                new ContestEntriesSubmittedEvent(
                        CONTEST,
                        List.of(
                                entry("p3", "HN-PHUCTHO", "2022-08-31T16:30:00Z"),
                                entry("p1", "HN-PHUCTHO", "2022-07-01T03:00:00Z")),
                        1),
                RECORDED);
    }

    /**
     * After the meeting: T3 is completed on the last day of the period (completed 4, overdue 2, open 2), a learner of
     * C2 is withdrawn and C6 is cancelled (classes 3, learner-turns 5).
     */
    static void writeCorrections(EventStoreWriter tasks, EventStoreWriter training) {
        tasks.append("Task", T3, new TaskCompletedEvent(T3, LocalDate.parse("2022-09-08"), "Bổ sung"), CORRECTED);
        training.append("TrainingClass", C2, new LearnerWithdrawnEvent(C2, learnerId(10), "HN-HOANKIEM"), CORRECTED);
        training.append("TrainingClass", C6, new TrainingClassCancelledEvent(C6, "Ghi nhầm"), CORRECTED);
    }

    private static UUID planned(EventStoreWriter tasks, int number, String unitId, String dueOn) {
        UUID taskId = id("a", number);
        tasks.append("Task", taskId, plannedEvent(taskId, unitId, dueOn), RECORDED);
        return taskId;
    }

    private static TaskPlannedEvent plannedEvent(UUID taskId, String unitId, String dueOn) {
        return new TaskPlannedEvent(taskId, "2022", "Đầu việc " + taskId, "Mô tả", unitId, LocalDate.parse(dueOn));
    }

    private static void complete(EventStoreWriter tasks, UUID taskId, String completedOn) {
        tasks.append("Task", taskId, new TaskCompletedEvent(taskId, LocalDate.parse(completedOn), "Đã xong"), RECORDED);
    }

    private static void reschedule(EventStoreWriter tasks, UUID taskId, String from, String to) {
        tasks.append(
                "Task",
                taskId,
                new TaskRescheduledEvent(taskId, LocalDate.parse(from), LocalDate.parse(to), "Điều chỉnh"),
                RECORDED);
    }

    private static UUID issued(EventStoreWriter tasks, int number, String unitId, DocumentKind kind, String on) {
        UUID documentId = id("d", number);
        tasks.append(
                "Document",
                documentId,
                new DocumentIssuedEvent(
                        documentId, number + "-KH/BTG", "Văn bản " + number, kind, unitId, LocalDate.parse(on), null),
                RECORDED);
        return documentId;
    }

    private static UUID opened(
            EventStoreWriter training, int number, String unitId, Bloc bloc, ClassFormat format, String startsOn) {
        UUID classId = id("c", number);
        training.append("TrainingClass", classId, openedEvent(classId, unitId, bloc, format, startsOn), RECORDED);
        return classId;
    }

    private static TrainingClassOpenedEvent openedEvent(
            UUID classId, String unitId, Bloc bloc, ClassFormat format, String startsOn) {
        LocalDate starts = LocalDate.parse(startsOn);
        return new TrainingClassOpenedEvent(
                classId, "Lớp bồi dưỡng " + classId, unitId, bloc, format, starts, starts.plusDays(3), null);
    }

    private static void enrolled(EventStoreWriter training, UUID classId, String unitId, int firstLearner, int count) {
        List<Learner> learners = IntStream.range(firstLearner, firstLearner + count)
                .mapToObj(number -> new Learner(learnerId(number), "Nguyễn Thị Hà " + number, unitId))
                .toList();
        training.append("TrainingClass", classId, new LearnersEnrolledEvent(classId, learners), RECORDED);
    }

    private static String learnerId(int number) {
        return String.format("0793010%05d", number);
    }

    private static ContestEntry entry(String participantId, String unitId, String submittedAt) {
        return new ContestEntry(participantId, unitId, Instant.parse(submittedAt), 80);
    }

    private static UUID id(String kind, int number) {
        return UUID.nameUUIDFromBytes((kind + number).getBytes(StandardCharsets.UTF_8));
    }
}
