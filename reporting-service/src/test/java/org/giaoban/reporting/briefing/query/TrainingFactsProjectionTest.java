package org.giaoban.reporting.briefing.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.giaoban.reporting.briefing.query.UnitClassFacts.ClassFact;
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
import org.junit.jupiter.api.Test;

class TrainingFactsProjectionTest {

    private static final UUID CLASS_ID = UUID.fromString("5d77a09c-00e7-4310-b168-e8a55cdd605a");
    private static final UUID CONTEST_ID = UUID.fromString("7a1803d8-cff7-4554-bf3d-fb9e335de054");
    private static final LocalDate STARTS_ON = LocalDate.of(2022, 3, 1);

    private final InMemoryBriefingFacts facts = new InMemoryBriefingFacts();
    private final TrainingFactsProjection projection = new TrainingFactsProjection(facts);

    @Test
    void anOpenedClassCountsItsEnrolmentsLessItsWithdrawals() {
        projection.on(opened(), 0);
        projection.on(enrolled("079301000001", "079301000002", "079301000003"), 1);
        projection.on(new LearnerWithdrawnEvent(CLASS_ID, "079301000002", "HN-HOANKIEM"), 2);

        assertThat(trainingClass()).isEqualTo(new ClassFact(Bloc.PARTY, ClassFormat.IN_PERSON, STARTS_ON, false, 2, 2));
        assertThat(facts.factsIdOf(CLASS_ID.toString())).hasValue("classes|HN-HOANKIEM|2022");
    }

    @Test
    void aCancelledClassKeepsItsLearnersButIsMarked() {
        projection.on(opened(), 0);
        projection.on(enrolled("079301000001"), 1);
        projection.on(new TrainingClassCancelledEvent(CLASS_ID, "Hoãn"), 2);

        assertThat(trainingClass().cancelled()).isTrue();
        assertThat(trainingClass().learnerTurns()).isEqualTo(1);
    }

    @Test
    void aRedeliveredEnrolmentIsNotCountedTwice() {
        projection.on(opened(), 0);
        projection.on(enrolled("079301000001", "079301000002"), 1);
        projection.on(enrolled("079301000001", "079301000002"), 1);
        projection.on(opened(), 0);

        assertThat(trainingClass().learnerTurns()).isEqualTo(2);
    }

    @Test
    void anEnrolmentInAClassNeverOpenedStopsTheProjection() {
        assertThatThrownBy(() -> projection.on(enrolled("079301000001"), 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(CLASS_ID.toString());
    }

    @Test
    void aPlanRecordedAgainReplacesTheOneBeforeAndAnOlderOneIsIgnored() {
        List<PlanLine> draft = List.of(new PlanLine("Dự thảo", List.of(Bloc.PARTY), 10));
        List<PlanLine> adopted = List.of(
                new PlanLine("Khối Đảng và đoàn thể", List.of(Bloc.PARTY, Bloc.MASS_ORGANISATIONS), 66),
                new PlanLine("Quản lý nhà nước", List.of(Bloc.STATE), 31));
        projection.on(new TrainingPlanRecordedEvent("HN-HOANKIEM/2022", "HN-HOANKIEM", 2022, draft), 0);
        projection.on(new TrainingPlanRecordedEvent("HN-HOANKIEM/2022", "HN-HOANKIEM", 2022, adopted), 1);
        projection.on(new TrainingPlanRecordedEvent("HN-HOANKIEM/2022", "HN-HOANKIEM", 2022, draft), 0);

        assertThat(facts.find(PlanFacts.idOf("HN-HOANKIEM", 2022), PlanFacts.class))
                .hasValue(new PlanFacts("plan|HN-HOANKIEM|2022", "HN-HOANKIEM", 2022, adopted, 1));
    }

    @Test
    void contestEntriesAreCountedByDayInHanoiAndUnitOncePerBatch() {
        projection.on(contestOpened());
        projection.on(contestOpened());
        ContestEntriesSubmittedEvent batch = new ContestEntriesSubmittedEvent(
                CONTEST_ID,
                List.of(
                        entry("p1", "HN-PHUCTHO", "2022-05-31T18:00:00Z"),
                        entry("p2", "HN-PHUCTHO", "2022-06-01T03:00:00Z"),
                        entry("p1", "HN-HOANKIEM", "2022-06-01T16:59:59Z")),
                2);
        projection.on(batch, at(7));
        projection.on(batch, at(7));
        projection.on(
                new ContestEntriesSubmittedEvent(
                        CONTEST_ID, List.of(entry("p3", "HN-PHUCTHO", "2022-06-01T17:00:00Z")), 1),
                at(9));

        ContestFacts contest = facts.find(ContestFacts.idOf(CONTEST_ID.toString()), ContestFacts.class)
                .orElseThrow();
        assertThat(contest.entriesByDay())
                .isEqualTo(Map.of(
                        "2022-06-01", Map.of("HN-PHUCTHO", 2L, "HN-HOANKIEM", 1L),
                        "2022-06-02", Map.of("HN-PHUCTHO", 1L)));
        assertThat(contest.participants()).isEqualTo(3);
        assertThat(contest.lastPosition()).isEqualTo(9);
        assertThat(facts.find(ContestList.ID, ContestList.class).orElseThrow().contestIds())
                .containsExactly(CONTEST_ID.toString());
    }

    private static TrainingClassOpenedEvent opened() {
        return new TrainingClassOpenedEvent(
                CLASS_ID,
                "Lớp bồi dưỡng lý luận chính trị",
                "HN-HOANKIEM",
                Bloc.PARTY,
                ClassFormat.IN_PERSON,
                STARTS_ON,
                STARTS_ON.plusDays(4),
                120);
    }

    private static LearnersEnrolledEvent enrolled(String... learnerIds) {
        return new LearnersEnrolledEvent(
                CLASS_ID,
                List.of(learnerIds).stream()
                        .map(learnerId -> new Learner(learnerId, "Nguyễn Thị Hà", "HN-HOANKIEM"))
                        .toList());
    }

    private static ContestOpenedEvent contestOpened() {
        return new ContestOpenedEvent(
                CONTEST_ID,
                "Cuộc thi trực tuyến tìm hiểu Nghị quyết 15-NQ/TW",
                "Nghị quyết 15-NQ/TW",
                Instant.parse("2022-05-31T17:00:00Z"),
                Instant.parse("2022-08-31T16:59:59Z"));
    }

    private static ContestEntry entry(String participantId, String unitId, String submittedAt) {
        return new ContestEntry(participantId, unitId, Instant.parse(submittedAt), 90);
    }

    private static TrackingToken at(long position) {
        return GapAwareTrackingToken.newInstance(position, List.of());
    }

    private ClassFact trainingClass() {
        return facts.find(UnitClassFacts.idOf("HN-HOANKIEM", 2022), UnitClassFacts.class)
                .orElseThrow()
                .classes()
                .get(CLASS_ID.toString());
    }
}
