package org.giaoban.reporting.briefing.query;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.TrackingToken;
import org.giaoban.reporting.briefing.query.UnitClassFacts.ClassFact;
import org.giaoban.training.api.contest.ContestEntriesSubmittedEvent;
import org.giaoban.training.api.contest.ContestEntry;
import org.giaoban.training.api.contest.ContestOpenedEvent;
import org.giaoban.training.api.enrolment.LearnerWithdrawnEvent;
import org.giaoban.training.api.enrolment.LearnersEnrolledEvent;
import org.giaoban.training.api.plan.TrainingPlanRecordedEvent;
import org.giaoban.training.api.trainingclass.TrainingClassCancelledEvent;
import org.giaoban.training.api.trainingclass.TrainingClassOpenedEvent;
import org.giaoban.units.UnitCatalogue;

/**
 * The briefing facts of training-service: reads the events of classes (opened, cancelled), enrolments (learners
 * enrolled, a learner withdrawn), training plans (recorded) and contests (opened, entries submitted) into
 * {@link UnitClassFacts}, {@link PlanFacts}, {@link ContestFacts} and the {@link ContestList}. A class or plan keeps
 * the sequence number of its last event applied, a contest the position of its last batch of entries, so a
 * redelivered event changes nothing.
 */
@ProcessingGroup(TrainingFactsProjection.NAME)
public class TrainingFactsProjection {

    public static final String NAME = "briefing-training";

    private final BriefingFacts facts;

    public TrainingFactsProjection(BriefingFacts facts) {
        this.facts = facts;
    }

    @EventHandler
    void on(TrainingClassOpenedEvent event, @SequenceNumber long sequence) {
        int year = event.startsOn().getYear();
        String factsId = UnitClassFacts.idOf(event.organizerUnitId(), year);
        String classId = event.classId().toString();
        facts.index(classId, factsId);
        UnitClassFacts unit = facts.find(factsId, UnitClassFacts.class)
                .orElseGet(() -> UnitClassFacts.empty(event.organizerUnitId(), year));
        if (unit.classes().containsKey(classId)) {
            return;
        }
        Map<String, ClassFact> classes = new HashMap<>(unit.classes());
        classes.put(classId, new ClassFact(event.bloc(), event.format(), event.startsOn(), false, 0, sequence));
        facts.save(new UnitClassFacts(unit.id(), unit.unitId(), unit.year(), classes));
    }

    @EventHandler
    void on(TrainingClassCancelledEvent event, @SequenceNumber long sequence) {
        updateClass(event.classId(), sequence, trainingClass -> trainingClass.cancelled(sequence));
    }

    @EventHandler
    void on(LearnersEnrolledEvent event, @SequenceNumber long sequence) {
        int learners = event.learners().size();
        updateClass(event.classId(), sequence, trainingClass -> trainingClass.plusLearnerTurns(learners, sequence));
    }

    @EventHandler
    void on(LearnerWithdrawnEvent event, @SequenceNumber long sequence) {
        updateClass(event.classId(), sequence, trainingClass -> trainingClass.plusLearnerTurns(-1, sequence));
    }

    @EventHandler
    void on(TrainingPlanRecordedEvent event, @SequenceNumber long sequence) {
        String factsId = PlanFacts.idOf(event.unitId(), event.year());
        boolean applied = facts.find(factsId, PlanFacts.class)
                .map(plan -> plan.version() >= sequence)
                .orElse(false);
        if (!applied) {
            facts.save(new PlanFacts(factsId, event.unitId(), event.year(), event.lines(), sequence));
        }
    }

    @EventHandler
    void on(ContestOpenedEvent event) {
        String contestId = event.contestId().toString();
        ContestList contests = facts.find(ContestList.ID, ContestList.class).orElseGet(ContestList::empty);
        if (!contests.contestIds().contains(contestId)) {
            TreeSet<String> contestIds = new TreeSet<>(contests.contestIds());
            contestIds.add(contestId);
            facts.save(new ContestList(ContestList.ID, contestIds));
        }
        if (facts.find(ContestFacts.idOf(contestId), ContestFacts.class).isEmpty()) {
            facts.save(ContestFacts.opened(contestId, event.title(), event.opensAt(), event.closesAt()));
        }
    }

    @EventHandler
    void on(ContestEntriesSubmittedEvent event, TrackingToken token) {
        long position = token.position().orElseThrow();
        String contestId = event.contestId().toString();
        ContestFacts contest = facts.find(ContestFacts.idOf(contestId), ContestFacts.class)
                .orElseThrow(() -> new IllegalStateException(
                        "No briefing facts hold contest " + contestId + ": its opening is missing"));
        if (position <= contest.lastPosition()) {
            return;
        }
        Map<String, Map<String, Long>> entriesByDay = new HashMap<>();
        contest.entriesByDay().forEach((day, byUnit) -> entriesByDay.put(day, new HashMap<>(byUnit)));
        for (ContestEntry entry : event.entries()) {
            String day = LocalDate.ofInstant(entry.submittedAt(), UnitCatalogue.COMMISSION_ZONE)
                    .toString();
            entriesByDay.computeIfAbsent(day, ignored -> new HashMap<>()).merge(entry.unitId(), 1L, Long::sum);
        }
        facts.save(new ContestFacts(
                contest.id(),
                contestId,
                contest.title(),
                contest.opensAt(),
                contest.closesAt(),
                contest.participants() + event.newParticipants(),
                position,
                entriesByDay));
    }

    private void updateClass(UUID classUuid, long sequence, UnaryOperator<ClassFact> change) {
        String classId = classUuid.toString();
        String factsId = facts.factsIdOf(classId).orElseThrow(() -> unknownClass(classId));
        UnitClassFacts unit = facts.find(factsId, UnitClassFacts.class).orElseThrow(() -> unknownClass(classId));
        ClassFact trainingClass = unit.classes().get(classId);
        if (trainingClass == null) {
            throw unknownClass(classId);
        }
        if (trainingClass.version() >= sequence) {
            return;
        }
        Map<String, ClassFact> classes = new HashMap<>(unit.classes());
        classes.put(classId, change.apply(trainingClass));
        facts.save(new UnitClassFacts(unit.id(), unit.unitId(), unit.year(), classes));
    }

    /** An event about a class whose opening was never applied: the read model cannot be right, so stop. */
    private static IllegalStateException unknownClass(String classId) {
        return new IllegalStateException("No briefing facts hold class " + classId + ": its opening is missing");
    }
}
