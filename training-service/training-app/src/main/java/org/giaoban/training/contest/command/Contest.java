package org.giaoban.training.contest.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.giaoban.platform.access.CommandCaller;
import org.giaoban.platform.problem.InvalidFieldException;
import org.giaoban.training.api.contest.ContestOpenedEvent;
import org.giaoban.training.api.contest.OpenContestCommand;
import org.giaoban.units.UnitCatalogue;

/**
 * An online contest. It guards: a contest belongs to the city commission ({@link UnitCatalogue#CITY_UNIT_ID}), so only
 * an administrator or an officer of the city opens one; a contest has a title and a subject; it opens before it closes;
 * its window is recorded (through {@link ContestWindows}) in the transaction that opens it, so that entries can be
 * checked against it. Entries are not kept here: {@link ContestEntryRecorder} records them, so the aggregate stays one
 * event long however many people take part.
 */
@Aggregate(filterEventsByType = true)
public class Contest {

    @AggregateIdentifier
    private UUID contestId;

    protected Contest() {}

    @CommandHandler
    public Contest(OpenContestCommand command, ContestWindows windows, CommandCaller caller) {
        caller.requireWriteFor(UnitCatalogue.CITY_UNIT_ID);
        requireText("title", command.title());
        requireText("subject", command.subject());
        if (command.opensAt() == null) {
            throw new InvalidFieldException("opensAt", "must not be null");
        }
        if (command.closesAt() == null) {
            throw new InvalidFieldException("closesAt", "must not be null");
        }
        if (!command.opensAt().isBefore(command.closesAt())) {
            throw new InvalidFieldException("closesAt", "must be after opensAt");
        }
        windows.record(command.contestId(), command.opensAt(), command.closesAt());
        apply(new ContestOpenedEvent(
                command.contestId(), command.title(), command.subject(), command.opensAt(), command.closesAt()));
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "must not be blank");
        }
    }

    @EventSourcingHandler
    void on(ContestOpenedEvent event) {
        contestId = event.contestId();
    }
}
