package org.giaoban.tasks.task.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.giaoban.platform.access.CommandCaller;
import org.giaoban.platform.access.KnownUnits;
import org.giaoban.platform.problem.DomainRuleViolation;
import org.giaoban.platform.problem.InvalidFieldException;
import org.giaoban.tasks.api.task.CancelTaskCommand;
import org.giaoban.tasks.api.task.CompleteTaskCommand;
import org.giaoban.tasks.api.task.PlanTaskCommand;
import org.giaoban.tasks.api.task.ReopenTaskCommand;
import org.giaoban.tasks.api.task.RescheduleTaskCommand;
import org.giaoban.tasks.api.task.TaskCancelledEvent;
import org.giaoban.tasks.api.task.TaskCompletedEvent;
import org.giaoban.tasks.api.task.TaskPlannedEvent;
import org.giaoban.tasks.api.task.TaskReopenedEvent;
import org.giaoban.tasks.api.task.TaskRescheduledEvent;
import org.giaoban.tasks.api.task.TaskStatus;
import org.giaoban.units.UnitCatalogue;

/**
 * A work item of a unit's programme. It guards: the responsible unit is a known unit; only an open item is completed,
 * rescheduled or cancelled; an item is completed at most once until reopened, and never on a date after today (in
 * Hanoi); only a completed item is reopened; a cancelled item stays cancelled.
 */
@Aggregate(filterEventsByType = true)
public class Task {

    @AggregateIdentifier
    private UUID taskId;

    private String unitId;
    private TaskStatus status;
    private LocalDate dueOn;

    protected Task() {}

    @CommandHandler
    public Task(PlanTaskCommand command, UnitCatalogue units, CommandCaller caller) {
        KnownUnits.requireKnown(units, "unitId", command.unitId());
        caller.requireWriteFor(command.unitId());
        apply(new TaskPlannedEvent(
                command.taskId(),
                command.programme(),
                command.title(),
                command.description(),
                command.unitId(),
                command.dueOn()));
    }

    @CommandHandler
    public void handle(CompleteTaskCommand command, CommandCaller caller, Clock clock) {
        caller.requireWriteFor(unitId);
        refuseUnlessOpen("completed");
        if (command.completedOn().isAfter(LocalDate.now(clock))) {
            throw new InvalidFieldException("completedOn", "may not be in the future");
        }
        apply(new TaskCompletedEvent(taskId, command.completedOn(), command.note()));
    }

    @CommandHandler
    public void handle(ReopenTaskCommand command, CommandCaller caller) {
        caller.requireWriteFor(unitId);
        if (status == TaskStatus.CANCELLED) {
            throw cancelled("reopened");
        }
        if (status == TaskStatus.OPEN) {
            throw new DomainRuleViolation(
                    "task-not-completed", "The work item is open; only a completed one can be reopened.");
        }
        apply(new TaskReopenedEvent(taskId, command.reason()));
    }

    @CommandHandler
    public void handle(RescheduleTaskCommand command, CommandCaller caller) {
        caller.requireWriteFor(unitId);
        refuseUnlessOpen("rescheduled");
        if (!command.dueOn().equals(dueOn)) {
            apply(new TaskRescheduledEvent(taskId, dueOn, command.dueOn(), command.reason()));
        }
    }

    @CommandHandler
    public void handle(CancelTaskCommand command, CommandCaller caller) {
        caller.requireWriteFor(unitId);
        refuseUnlessOpen("cancelled");
        apply(new TaskCancelledEvent(taskId, command.reason()));
    }

    private void refuseUnlessOpen(String change) {
        if (status == TaskStatus.CANCELLED) {
            throw cancelled(change);
        }
        if (status == TaskStatus.COMPLETED) {
            throw new DomainRuleViolation(
                    "task-completed", "The work item is already completed; reopen it before it can be " + change + ".");
        }
    }

    private static DomainRuleViolation cancelled(String change) {
        return new DomainRuleViolation("task-cancelled", "The work item is cancelled; it cannot be " + change + ".");
    }

    @EventSourcingHandler
    void on(TaskPlannedEvent event) {
        taskId = event.taskId();
        unitId = event.unitId();
        status = TaskStatus.OPEN;
        dueOn = event.dueOn();
    }

    @EventSourcingHandler
    void on(TaskCompletedEvent event) {
        status = TaskStatus.COMPLETED;
    }

    @EventSourcingHandler
    void on(TaskReopenedEvent event) {
        status = TaskStatus.OPEN;
    }

    @EventSourcingHandler
    void on(TaskRescheduledEvent event) {
        dueOn = event.dueOn();
    }

    @EventSourcingHandler
    void on(TaskCancelledEvent event) {
        status = TaskStatus.CANCELLED;
    }
}
