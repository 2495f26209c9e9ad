package org.giaoban.tasks.task.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.giaoban.platform.testing.InMemoryMongo;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TaskListProjectionTest {

    private static final UUID TASK = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID OTHER = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final LocalDate DUE = LocalDate.of(2022, 6, 30);

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final TaskListRepository repository = new TaskListRepository(mongo.template());
    private final TaskListProjection projection = new TaskListProjection(repository);

    @AfterEach
    void stopMongo() {
        mongo.close();
    }

    @Test
    void aPlannedItemIsListedOpenWithItsVietnameseTitle() {
        projection.on(planned(TASK, "HN-LONGBIEN", DUE), 0);

        TaskView task = find(TASK);
        assertThat(task.title()).isEqualTo("Quán triệt Nghị quyết số 15-NQ/TW");
        assertThat(task.unitId()).isEqualTo("HN-LONGBIEN");
        assertThat(task.dueOn()).isEqualTo(DUE);
        assertThat(task.status()).isEqualTo(TaskStatus.OPEN);
        assertThat(task.completedOn()).isNull();
        assertThat(task.version()).isZero();
    }

    @Test
    void completingThenReopeningClearsTheCompletionDate() {
        projection.on(planned(TASK, "HN-LONGBIEN", DUE), 0);
        projection.on(new TaskCompletedEvent(TASK, LocalDate.of(2022, 6, 28), "xong"), 1);
        assertThat(find(TASK).status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(find(TASK).completedOn()).isEqualTo(LocalDate.of(2022, 6, 28));

        projection.on(new TaskReopenedEvent(TASK, "thiếu báo cáo"), 2);

        assertThat(find(TASK).status()).isEqualTo(TaskStatus.OPEN);
        assertThat(find(TASK).completedOn()).isNull();
        assertThat(find(TASK).version()).isEqualTo(2);
    }

    @Test
    void reschedulingMovesTheDueDateAndCancellingMarksTheItem() {
        projection.on(planned(TASK, "HN-LONGBIEN", DUE), 0);
        projection.on(new TaskRescheduledEvent(TASK, DUE, LocalDate.of(2022, 9, 30), "dời lịch"), 1);
        projection.on(new TaskCancelledEvent(TASK, "không còn phù hợp"), 2);

        assertThat(find(TASK).dueOn()).isEqualTo(LocalDate.of(2022, 9, 30));
        assertThat(find(TASK).status()).isEqualTo(TaskStatus.CANCELLED);
    }

    @Test
    void anEventDeliveredAgainChangesNothing() {
        TaskPlannedEvent planned = planned(TASK, "HN-LONGBIEN", DUE);
        TaskCompletedEvent completed = new TaskCompletedEvent(TASK, LocalDate.of(2022, 6, 28), null);
        projection.on(planned, 0);
        projection.on(completed, 1);
        projection.on(new TaskReopenedEvent(TASK, "thiếu báo cáo"), 2);

        projection.on(planned, 0);
        projection.on(completed, 1);

        TaskView task = find(TASK);
        assertThat(task.status()).isEqualTo(TaskStatus.OPEN);
        assertThat(task.completedOn()).isNull();
        assertThat(task.version()).isEqualTo(2);
        assertThat(list(new FindTasksQuery(null, null, null, null, null, 0, 50)).total())
                .isEqualTo(1);
    }

    @Test
    void theListFiltersByUnitsStatusAndDueDatesAndPages() {
        projection.on(planned(TASK, "HN-LONGBIEN", DUE), 0);
        projection.on(planned(OTHER, "HN-HOANKIEM", LocalDate.of(2022, 10, 15)), 0);
        projection.on(new TaskCompletedEvent(OTHER, LocalDate.of(2022, 10, 1), null), 1);

        assertThat(ids(list(query(Set.of("HN-LONGBIEN"), null, null, null)))).containsExactly(TASK);
        assertThat(ids(list(query(null, TaskStatus.COMPLETED, null, null)))).containsExactly(OTHER);
        assertThat(ids(list(query(null, null, LocalDate.of(2022, 6, 30), LocalDate.of(2022, 9, 30)))))
                .containsExactly(TASK);
        assertThat(ids(list(query(null, null, null, null)))).containsExactly(TASK, OTHER);

        TaskPageView secondPage = list(new FindTasksQuery(null, null, null, null, null, 1, 1));
        assertThat(ids(secondPage)).containsExactly(OTHER);
        assertThat(secondPage.total()).isEqualTo(2);
    }

    @Test
    void aResetEmptiesTheListForTheReplay() {
        projection.on(planned(TASK, "HN-LONGBIEN", DUE), 0);

        projection.onReset();

        assertThat(projection.handle(new FindTaskQuery(TASK))).isEmpty();
    }

    private TaskView find(UUID taskId) {
        return projection.handle(new FindTaskQuery(taskId)).orElseThrow();
    }

    private TaskPageView list(FindTasksQuery query) {
        return projection.handle(query);
    }

    private static FindTasksQuery query(Set<String> units, TaskStatus status, LocalDate from, LocalDate to) {
        return new FindTasksQuery("2022", units, status, from, to, 0, 50);
    }

    private static TaskPlannedEvent planned(UUID taskId, String unitId, LocalDate dueOn) {
        return new TaskPlannedEvent(taskId, "2022", "Quán triệt Nghị quyết số 15-NQ/TW", null, unitId, dueOn);
    }

    private static java.util.List<UUID> ids(TaskPageView page) {
        return page.items().stream().map(TaskView::taskId).toList();
    }
}
