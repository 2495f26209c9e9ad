package org.giaoban.tasks.task.query;

import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.giaoban.tasks.api.task.FindTaskQuery;
import org.giaoban.tasks.api.task.FindTasksQuery;
import org.giaoban.tasks.api.task.TaskCancelledEvent;
import org.giaoban.tasks.api.task.TaskCompletedEvent;
import org.giaoban.tasks.api.task.TaskPageView;
import org.giaoban.tasks.api.task.TaskPlannedEvent;
import org.giaoban.tasks.api.task.TaskReopenedEvent;
import org.giaoban.tasks.api.task.TaskRescheduledEvent;
import org.giaoban.tasks.api.task.TaskStatus;
import org.giaoban.tasks.api.task.TaskView;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The work-item list. Reads {@link TaskPlannedEvent}, {@link TaskCompletedEvent}, {@link TaskReopenedEvent},
 * {@link TaskRescheduledEvent} and {@link TaskCancelledEvent}; serves {@link FindTaskQuery} and
 * {@link FindTasksQuery}. Each event applies at most once, whatever the number of deliveries.
 */
@Component
@ProcessingGroup(TaskListProjection.PROCESSING_GROUP)
public class TaskListProjection {

    public static final String PROCESSING_GROUP = "task-list";

    private final TaskListRepository tasks;

    public TaskListProjection(TaskListRepository tasks) {
        this.tasks = tasks;
    }

    @EventHandler
    void on(TaskPlannedEvent event, @SequenceNumber long sequence) {
        tasks.insertIfAbsent(new TaskListDocument(
                event.taskId().toString(),
                event.programme(),
                event.title(),
                event.description(),
                event.unitId(),
                event.dueOn(),
                TaskStatus.OPEN,
                null,
                sequence));
    }

    @EventHandler
    void on(TaskCompletedEvent event, @SequenceNumber long sequence) {
        tasks.applyIfNewer(
                event.taskId().toString(),
                sequence,
                Update.update("status", TaskStatus.COMPLETED.name())
                        .set("completedOn", event.completedOn().toString()));
    }

    @EventHandler
    void on(TaskReopenedEvent event, @SequenceNumber long sequence) {
        tasks.applyIfNewer(
                event.taskId().toString(),
                sequence,
                Update.update("status", TaskStatus.OPEN.name()).unset("completedOn"));
    }

    @EventHandler
    void on(TaskRescheduledEvent event, @SequenceNumber long sequence) {
        tasks.applyIfNewer(
                event.taskId().toString(),
                sequence,
                Update.update("dueOn", event.dueOn().toString()));
    }

    @EventHandler
    void on(TaskCancelledEvent event, @SequenceNumber long sequence) {
        tasks.applyIfNewer(event.taskId().toString(), sequence, Update.update("status", TaskStatus.CANCELLED.name()));
    }

    @ResetHandler
    void onReset() {
        tasks.deleteAll();
    }

    @QueryHandler
    Optional<TaskView> handle(FindTaskQuery query) {
        return tasks.findById(query.taskId().toString()).map(TaskListDocument::toView);
    }

    @QueryHandler
    TaskPageView handle(FindTasksQuery query) {
        return new TaskPageView(
                tasks.find(query).stream().map(TaskListDocument::toView).toList(),
                query.page(),
                query.size(),
                tasks.count(query));
    }
}
