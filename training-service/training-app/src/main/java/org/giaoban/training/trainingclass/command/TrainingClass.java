package org.giaoban.training.trainingclass.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.giaoban.platform.access.CommandCaller;
import org.giaoban.platform.access.KnownUnits;
import org.giaoban.platform.problem.DomainRuleViolation;
import org.giaoban.platform.problem.InvalidFieldException;
import org.giaoban.platform.problem.ResourceNotFoundException;
import org.giaoban.training.api.enrolment.EnrolLearnersCommand;
import org.giaoban.training.api.enrolment.EnrolmentOutcome;
import org.giaoban.training.api.enrolment.EnrolmentOutcome.RefusedLearner;
import org.giaoban.training.api.enrolment.Learner;
import org.giaoban.training.api.enrolment.LearnerWithdrawnEvent;
import org.giaoban.training.api.enrolment.LearnersEnrolledEvent;
import org.giaoban.training.api.enrolment.WithdrawLearnerCommand;
import org.giaoban.training.api.trainingclass.CancelTrainingClassCommand;
import org.giaoban.training.api.trainingclass.OpenTrainingClassCommand;
import org.giaoban.training.api.trainingclass.TrainingClassCancelledEvent;
import org.giaoban.training.api.trainingclass.TrainingClassOpenedEvent;
import org.giaoban.units.UnitCatalogue;

/**
 * A training class and its enrolments. It guards: only an administrator or an officer of the organising unit (or of a
 * unit above it) opens, cancels or changes the learners of a class, and this is checked before any other rule, so a
 * caller learns nothing of a class it may not change; the organising unit is known and the class ends no earlier than
 * it starts; a learner is enrolled at most once (through {@link ClassRosters}, so the aggregate holds a count, not a
 * list); a class with a capacity takes no more learners than that; a cancelled class takes no enrolment or
 * withdrawal and is cancelled once; only an enrolled learner is withdrawn.
 */
@Aggregate(cache = "trainingClassCache", filterEventsByType = true)
public class TrainingClass {

    static final Pattern LEARNER_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    static final int MAX_NAME_LENGTH = 200;

    @AggregateIdentifier
    private UUID classId;

    private String organizerUnitId;
    private Integer capacity;
    private boolean cancelled;
    private long enrolled;

    protected TrainingClass() {}

    @CommandHandler
    public TrainingClass(OpenTrainingClassCommand command, UnitCatalogue units, CommandCaller caller) {
        KnownUnits.requireKnown(units, "organizerUnitId", command.organizerUnitId());
        caller.requireWriteFor(command.organizerUnitId());
        if (command.endsOn().isBefore(command.startsOn())) {
            throw new InvalidFieldException("endsOn", "may not be before startsOn");
        }
        if (command.capacity() != null && command.capacity() < 1) {
            throw new InvalidFieldException("capacity", "must be at least 1");
        }
        apply(new TrainingClassOpenedEvent(
                command.classId(),
                command.title(),
                command.organizerUnitId(),
                command.bloc(),
                command.format(),
                command.startsOn(),
                command.endsOn(),
                command.capacity()));
    }

    @CommandHandler
    public void handle(CancelTrainingClassCommand command, CommandCaller caller) {
        caller.requireWriteFor(organizerUnitId);
        refuseIfCancelled("be cancelled again");
        apply(new TrainingClassCancelledEvent(classId, command.reason()));
    }

    /**
     * Enrols every valid learner not enrolled yet, in order, while places remain. Rows that name no valid learner, no
     * known unit, or come after the class is full are refused one by one; the others are enrolled in one event.
     */
    @CommandHandler
    public EnrolmentOutcome handle(
            EnrolLearnersCommand command, UnitCatalogue units, ClassRosters rosters, CommandCaller caller) {
        caller.requireWriteFor(organizerUnitId);
        refuseIfCancelled("take enrolments");
        List<RefusedLearner> refused = new ArrayList<>();
        Map<String, Learner> candidates = new LinkedHashMap<>();
        Map<String, Integer> rowOf = new LinkedHashMap<>();
        int duplicates = 0;
        for (int index = 0; index < command.learners().size(); index++) {
            Learner learner = command.learners().get(index);
            RefusedLearner invalid = validate(index, learner, units);
            if (invalid != null) {
                refused.add(invalid);
            } else if (candidates.containsKey(learner.learnerId())) {
                duplicates++;
            } else {
                candidates.put(learner.learnerId(), clean(learner));
                rowOf.put(learner.learnerId(), index);
            }
        }
        Set<String> known =
                candidates.isEmpty() ? Set.of() : new HashSet<>(rosters.alreadyEnrolled(classId, candidates.keySet()));
        duplicates += known.size();
        List<Learner> accepted = new ArrayList<>();
        for (Learner learner : candidates.values()) {
            if (known.contains(learner.learnerId())) {
                continue;
            }
            if (capacity != null && enrolled + accepted.size() >= capacity) {
                refused.add(new RefusedLearner(
                        rowOf.get(learner.learnerId()),
                        learner.learnerId(),
                        "class-full",
                        "the class is full: all " + capacity + " places are taken"));
                continue;
            }
            accepted.add(learner);
        }
        if (!accepted.isEmpty()) {
            rosters.enrol(classId, accepted);
            apply(new LearnersEnrolledEvent(classId, List.copyOf(accepted)));
        }
        refused.sort(java.util.Comparator.comparingInt(RefusedLearner::index));
        return new EnrolmentOutcome(accepted.size(), duplicates, List.copyOf(refused));
    }

    @CommandHandler
    public void handle(WithdrawLearnerCommand command, ClassRosters rosters, CommandCaller caller) {
        caller.requireWriteFor(organizerUnitId);
        refuseIfCancelled("change its learners");
        String unitId = rosters.withdraw(classId, command.learnerId())
                .orElseThrow(() -> new ResourceNotFoundException("enrolment in this class", command.learnerId()));
        apply(new LearnerWithdrawnEvent(classId, command.learnerId(), unitId));
    }

    private static RefusedLearner validate(int index, Learner learner, UnitCatalogue units) {
        if (learner == null
                || learner.learnerId() == null
                || !LEARNER_ID.matcher(learner.learnerId()).matches()) {
            return new RefusedLearner(
                    index,
                    learner == null ? null : learner.learnerId(),
                    "invalid-learner-id",
                    "learnerId must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
        if (learner.fullName() == null
                || learner.fullName().isBlank()
                || learner.fullName().strip().length() > MAX_NAME_LENGTH) {
            return new RefusedLearner(
                    index, learner.learnerId(), "invalid-full-name", "fullName must be 1 to 200 characters");
        }
        if (!units.contains(learner.unitId())) {
            return new RefusedLearner(
                    index, learner.learnerId(), "unknown-unit", KnownUnits.notKnown(learner.unitId()));
        }
        return null;
    }

    private static Learner clean(Learner learner) {
        return new Learner(learner.learnerId(), learner.fullName().strip(), learner.unitId());
    }

    private void refuseIfCancelled(String change) {
        if (cancelled) {
            throw new DomainRuleViolation("class-cancelled", "The class is cancelled; it cannot " + change + ".");
        }
    }

    @EventSourcingHandler
    void on(TrainingClassOpenedEvent event) {
        classId = event.classId();
        organizerUnitId = event.organizerUnitId();
        capacity = event.capacity();
    }

    @EventSourcingHandler
    void on(TrainingClassCancelledEvent event) {
        cancelled = true;
    }

    @EventSourcingHandler
    void on(LearnersEnrolledEvent event) {
        enrolled += event.learners().size();
    }

    @EventSourcingHandler
    void on(LearnerWithdrawnEvent event) {
        enrolled--;
    }
}
