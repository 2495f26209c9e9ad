package org.giaoban.training.plan.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.giaoban.platform.access.CommandCaller;
import org.giaoban.platform.access.KnownUnits;
import org.giaoban.platform.problem.FieldError;
import org.giaoban.platform.problem.InvalidFieldException;
import org.giaoban.platform.problem.InvalidRequestException;
import org.giaoban.training.api.plan.PlanLine;
import org.giaoban.training.api.plan.RecordTrainingPlanCommand;
import org.giaoban.training.api.plan.TrainingPlanRecordedEvent;
import org.giaoban.training.api.trainingclass.Bloc;
import org.giaoban.units.UnitCatalogue;

/**
 * A unit's training plan for a year, identified by {@code <unitId>/<year>}. It guards: the unit is known; the year is
 * from 2000 to 2100; the identifier is that unit's and year's; only an administrator or an officer of the unit (or of a
 * unit above it) records the plan, which is checked before anything the plan holds is looked at; a plan has at least
 * one line; each line has a label, covers at least one bloc and plans zero or more classes; a bloc appears at most once
 * in the whole plan, so that planned and actual classes of a bloc can be compared line by line. Recording the plan it
 * already holds changes nothing. A caller that read the plan at a version ({@code If-Match}) may only replace that
 * version.
 */
@Aggregate(filterEventsByType = true)
public class TrainingPlan {

    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    @AggregateIdentifier
    private String planId;

    private List<PlanLine> lines;
    private long version;

    protected TrainingPlan() {}

    /** Records the plan, or replaces the one recorded; answers the plan's version afterwards. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RecordTrainingPlanCommand command, UnitCatalogue units, CommandCaller caller) {
        KnownUnits.requireKnown(units, "unitId", command.unitId());
        if (command.year() < FIRST_YEAR || command.year() > LAST_YEAR) {
            throw new InvalidFieldException("year", "must be from " + FIRST_YEAR + " to " + LAST_YEAR);
        }
        String expectedPlanId = RecordTrainingPlanCommand.planIdOf(command.unitId(), command.year());
        if (!expectedPlanId.equals(command.planId())) {
            throw new InvalidFieldException("planId", "must be " + expectedPlanId);
        }
        // The plan's id names its unit, so the unit of the command is the unit of the plan recorded under that id.
        caller.requireWriteFor(command.unitId());
        refuseUnlessAtExpectedVersion(command);
        if (command.lines() == null || command.lines().isEmpty()) {
            throw new InvalidFieldException("lines", "must have at least one line");
        }
        List<FieldError> errors = errorsOf(command.lines());
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        if (command.lines().equals(lines)) {
            return version;
        }
        apply(new TrainingPlanRecordedEvent(
                command.planId(), command.unitId(), command.year(), List.copyOf(command.lines())));
        return version;
    }

    private void refuseUnlessAtExpectedVersion(RecordTrainingPlanCommand command) {
        Long expected = command.expectedVersion();
        if (expected == null) {
            return;
        }
        if (planId == null) {
            throw new ConflictingAggregateVersionException(command.planId(), expected, -1);
        }
        if (expected != version) {
            throw new ConflictingAggregateVersionException(planId, expected, version);
        }
    }

    private static List<FieldError> errorsOf(List<PlanLine> lines) {
        List<FieldError> errors = new ArrayList<>();
        Map<Bloc, Integer> lineOfBloc = new EnumMap<>(Bloc.class);
        for (int index = 0; index < lines.size(); index++) {
            PlanLine line = lines.get(index);
            String at = "lines[" + index + "]";
            if (line == null) {
                errors.add(new FieldError(at, "must not be null"));
                continue;
            }
            if (line.label() == null || line.label().isBlank()) {
                errors.add(new FieldError(at + ".label", "must not be blank"));
            }
            if (line.blocs() == null || line.blocs().isEmpty()) {
                errors.add(new FieldError(at + ".blocs", "must name at least one bloc"));
            } else {
                Set<Bloc> inLine = EnumSet.noneOf(Bloc.class);
                for (Bloc bloc : line.blocs()) {
                    if (bloc == null) {
                        errors.add(new FieldError(at + ".blocs", "must not contain null"));
                    } else if (!inLine.add(bloc)) {
                        errors.add(new FieldError(at + ".blocs", "names " + bloc + " twice"));
                    } else if (lineOfBloc.containsKey(bloc)) {
                        errors.add(new FieldError(
                                at + ".blocs",
                                bloc + " is already planned in lines[" + lineOfBloc.get(bloc)
                                        + "]; a bloc belongs to one line of a plan"));
                    } else {
                        lineOfBloc.put(bloc, index);
                    }
                }
            }
            if (line.classes() < 0) {
                errors.add(new FieldError(at + ".classes", "must be 0 or more"));
            }
        }
        return errors;
    }

    @EventSourcingHandler
    void on(TrainingPlanRecordedEvent event, @SequenceNumber long sequence) {
        planId = event.planId();
        lines = event.lines();
        version = sequence;
    }
}
