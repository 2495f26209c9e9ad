package org.giaoban.tasks.task.command;

import static org.giaoban.platform.testing.Refusals.invalidField;
import static org.giaoban.platform.testing.Refusals.ruleViolation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.giaoban.identity.Caller;
import org.giaoban.identity.Role;
import org.giaoban.platform.access.CallerMetadata;
import org.giaoban.platform.access.UnitWriteAccess;
import org.giaoban.platform.axon.CommandCallerResolverFactory;
import org.giaoban.platform.problem.NotAllowedException;
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
import org.giaoban.units.UnitCatalogue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TaskTest {

    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

    /** 01:30 on 8 September 2022 in Hanoi, which is still 7 September in UTC. */
    private static final Clock TODAY_IN_HANOI =
            Clock.fixed(ZonedDateTime.of(2022, 9, 8, 1, 30, 0, 0, HANOI).toInstant(), HANOI);

    private static final LocalDate TODAY = LocalDate.of(2022, 9, 8);
    private static final UUID TASK_ID = UUID.fromString("6f1c2d3e-4a5b-4c6d-8e7f-901234567890");
    private static final String UNIT_ID = "HN-LONGBIEN";
    private static final LocalDate DUE_ON = LocalDate.of(2022, 9, 30);
    private static final String TITLE = "Báo cáo sơ kết 6 tháng";

    private static final TaskPlannedEvent PLANNED =
            new TaskPlannedEvent(TASK_ID, "2022", TITLE, "Tổng hợp kết quả công tác", UNIT_ID, DUE_ON);
    private static final TaskCompletedEvent COMPLETED =
            new TaskCompletedEvent(TASK_ID, LocalDate.of(2022, 9, 5), "Đã gửi Thành ủy");
    private static final TaskCancelledEvent CANCELLED = new TaskCancelledEvent(TASK_ID, "Không còn phù hợp");

    private FixtureConfiguration<Task> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Task.class)
                .registerInjectableResource(UnitCatalogue.hanoi())
                .registerParameterResolverFactory(
                        new CommandCallerResolverFactory(new UnitWriteAccess(UnitCatalogue.hanoi())))
                .registerInjectableResource(TODAY_IN_HANOI);
    }

    @Test
    void anOfficerPlansAnItemForItsOwnDistrict() {
        fixture.givenNoPriorActivity()
                .when(
                        new PlanTaskCommand(TASK_ID, "2022", TITLE, "Tổng hợp kết quả công tác", UNIT_ID, DUE_ON),
                        asCaller(officerOf(UNIT_ID)))
                .expectEvents(PLANNED);
    }

    @Test
    void anOfficerOfAnotherDistrictCannotPlanAnItemForThisOne() {
        fixture.givenNoPriorActivity()
                .when(
                        new PlanTaskCommand(TASK_ID, "2022", TITLE, null, UNIT_ID, DUE_ON),
                        asCaller(officerOf("HN-HOANKIEM")))
                .expectNoEvents()
                .expectException(NotAllowedException.class);
    }

    @Test
    void anOfficerOfAnotherDistrictCannotChangeThisOnesItemsWhateverTheirState() {
        Map<String, Object> stranger = asCaller(officerOf("HN-HOANKIEM"));

        fixture.given(PLANNED)
                .when(new CompleteTaskCommand(TASK_ID, TODAY, null, null), stranger)
                .expectNoEvents()
                .expectException(NotAllowedException.class);
        fixture.given(PLANNED, COMPLETED)
                .when(new ReopenTaskCommand(TASK_ID, "Thiếu số liệu", null), stranger)
                .expectNoEvents()
                .expectException(NotAllowedException.class);
        fixture.given(PLANNED)
                .when(new RescheduleTaskCommand(TASK_ID, DUE_ON.plusDays(7), "Lùi hạn", null), stranger)
                .expectNoEvents()
                .expectException(NotAllowedException.class);
        fixture.given(PLANNED, CANCELLED)
                .when(new CancelTaskCommand(TASK_ID, "Không còn phù hợp", null), stranger)
                .expectNoEvents()
                .expectException(NotAllowedException.class);
    }

    @Test
    void anOfficerOfTheCityCompletesADistrictsItem() {
        fixture.given(PLANNED)
                .when(
                        new CompleteTaskCommand(TASK_ID, LocalDate.of(2022, 9, 5), "Đã gửi Thành ủy", null),
                        asCaller(officerOf("HN")))
                .expectEvents(COMPLETED);
    }

    @Test
    void aViewerChangesNothingEvenInItsOwnUnit() {
        fixture.given(PLANNED)
                .when(
                        new CancelTaskCommand(TASK_ID, "Không còn phù hợp", null),
                        asCaller(Caller.of("xem", List.of(Role.VIEWER), UNIT_ID)))
                .expectNoEvents()
                .expectException(NotAllowedException.class);
    }

    private static Caller officerOf(String unitId) {
        return Caller.of("officer", List.of(Role.OFFICER), unitId);
    }

    private static Map<String, Object> asCaller(Caller caller) {
        return CallerMetadata.of(caller);
    }

    @Test
    void planningAnItemForAKnownUnitRecordsIt() {
        fixture.givenNoPriorActivity()
                .when(new PlanTaskCommand(TASK_ID, "2022", TITLE, "Tổng hợp kết quả công tác", UNIT_ID, DUE_ON))
                .expectSuccessfulHandlerExecution()
                .expectEvents(PLANNED);
    }

    @Test
    void cannotPlanAnItemForAnUnknownUnit() {
        fixture.givenNoPriorActivity()
                .when(new PlanTaskCommand(TASK_ID, "2022", TITLE, null, "HN-ATLANTIS", DUE_ON))
                .expectNoEvents()
                .expectException(invalidField("unitId"))
                .expectExceptionMessage("'HN-ATLANTIS' is not a known unit");
    }

    @Test
    void completingAnOpenItemRecordsTheDate() {
        fixture.given(PLANNED)
                .when(new CompleteTaskCommand(TASK_ID, LocalDate.of(2022, 9, 5), "Đã gửi Thành ủy", null))
                .expectEvents(COMPLETED);
    }

    @Test
    void completingAnItemTodayInHanoiIsAllowed() {
        fixture.given(PLANNED)
                .when(new CompleteTaskCommand(TASK_ID, TODAY, null, null))
                .expectEvents(new TaskCompletedEvent(TASK_ID, TODAY, null));
    }

    @Test
    void cannotCompleteAnItemOnADateInTheFuture() {
        fixture.given(PLANNED)
                .when(new CompleteTaskCommand(TASK_ID, TODAY.plusDays(1), null, null))
                .expectNoEvents()
                .expectException(invalidField("completedOn"))
                .expectExceptionMessage("may not be in the future");
    }

    @Test
    void cannotCompleteAnItemTwice() {
        fixture.given(PLANNED, COMPLETED)
                .when(new CompleteTaskCommand(TASK_ID, TODAY, null, null))
                .expectNoEvents()
                .expectException(ruleViolation("task-completed"));
    }

    @Test
    void cannotCompleteACancelledItem() {
        fixture.given(PLANNED, CANCELLED)
                .when(new CompleteTaskCommand(TASK_ID, TODAY, null, null))
                .expectNoEvents()
                .expectException(ruleViolation("task-cancelled"));
    }

    @Test
    void cannotCompleteAnItemThatChangedSinceTheVersionTheCallerRead() {
        fixture.given(PLANNED, COMPLETED, new TaskReopenedEvent(TASK_ID, "Thiếu số liệu"))
                .when(new CompleteTaskCommand(TASK_ID, TODAY, null, 0L))
                .expectNoEvents()
                .expectException(ConflictingAggregateVersionException.class);
    }

    @Test
    void reopeningACompletedItemRecordsTheReason() {
        fixture.given(PLANNED, COMPLETED)
                .when(new ReopenTaskCommand(TASK_ID, "Thiếu số liệu quận", null))
                .expectEvents(new TaskReopenedEvent(TASK_ID, "Thiếu số liệu quận"));
    }

    @Test
    void aReopenedItemCanBeCompletedAgain() {
        fixture.given(PLANNED, COMPLETED, new TaskReopenedEvent(TASK_ID, "Thiếu số liệu"))
                .when(new CompleteTaskCommand(TASK_ID, TODAY, "Bổ sung số liệu", null))
                .expectEvents(new TaskCompletedEvent(TASK_ID, TODAY, "Bổ sung số liệu"));
    }

    @Test
    void cannotReopenAnOpenItem() {
        fixture.given(PLANNED)
                .when(new ReopenTaskCommand(TASK_ID, "Nhầm", null))
                .expectNoEvents()
                .expectException(ruleViolation("task-not-completed"));
    }

    @Test
    void cannotReopenACancelledItem() {
        fixture.given(PLANNED, CANCELLED)
                .when(new ReopenTaskCommand(TASK_ID, "Nhầm", null))
                .expectNoEvents()
                .expectException(ruleViolation("task-cancelled"));
    }

    @Test
    void reschedulingAnOpenItemRecordsThePreviousAndTheNewDueDate() {
        LocalDate newDueOn = LocalDate.of(2022, 10, 15);
        fixture.given(PLANNED)
                .when(new RescheduleTaskCommand(TASK_ID, newDueOn, "Chờ hướng dẫn của Trung ương", null))
                .expectEvents(new TaskRescheduledEvent(TASK_ID, DUE_ON, newDueOn, "Chờ hướng dẫn của Trung ương"));
    }

    @Test
    void reschedulingTwiceRecordsTheDateOfTheFirstRescheduleAsPrevious() {
        LocalDate firstMove = LocalDate.of(2022, 10, 15);
        LocalDate secondMove = LocalDate.of(2022, 11, 30);
        fixture.given(PLANNED, new TaskRescheduledEvent(TASK_ID, DUE_ON, firstMove, "Lần 1"))
                .when(new RescheduleTaskCommand(TASK_ID, secondMove, "Lần 2", null))
                .expectEvents(new TaskRescheduledEvent(TASK_ID, firstMove, secondMove, "Lần 2"));
    }

    @Test
    void reschedulingToTheSameDueDateRecordsNothing() {
        fixture.given(PLANNED)
                .when(new RescheduleTaskCommand(TASK_ID, DUE_ON, "Không đổi", null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotRescheduleACompletedItem() {
        fixture.given(PLANNED, COMPLETED)
                .when(new RescheduleTaskCommand(TASK_ID, LocalDate.of(2022, 10, 15), "Dời lịch", null))
                .expectNoEvents()
                .expectException(ruleViolation("task-completed"));
    }

    @Test
    void cannotRescheduleACancelledItem() {
        fixture.given(PLANNED, CANCELLED)
                .when(new RescheduleTaskCommand(TASK_ID, LocalDate.of(2022, 10, 15), "Dời lịch", null))
                .expectNoEvents()
                .expectException(ruleViolation("task-cancelled"));
    }

    @Test
    void cancellingAnOpenItemRecordsTheReason() {
        fixture.given(PLANNED)
                .when(new CancelTaskCommand(TASK_ID, "Không còn phù hợp", null))
                .expectEvents(CANCELLED);
    }

    @Test
    void cannotCancelAnItemTwice() {
        fixture.given(PLANNED, CANCELLED)
                .when(new CancelTaskCommand(TASK_ID, "Lần nữa", null))
                .expectNoEvents()
                .expectException(ruleViolation("task-cancelled"))
                .expectExceptionMessage("The work item is cancelled; it cannot be cancelled.");
    }

    @Test
    void cannotCancelACompletedItem() {
        fixture.given(PLANNED, COMPLETED)
                .when(new CancelTaskCommand(TASK_ID, "Không còn phù hợp", null))
                .expectNoEvents()
                .expectException(ruleViolation("task-completed"));
    }
}
