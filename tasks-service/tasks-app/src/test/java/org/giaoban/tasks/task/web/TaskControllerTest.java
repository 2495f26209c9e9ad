package org.giaoban.tasks.task.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.giaoban.platform.testing.JsonFields.fieldsAt;
import static org.giaoban.platform.testing.Problems.invalidFields;
import static org.giaoban.platform.testing.Problems.problem;
import static org.hamcrest.Matchers.nullValue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.queryhandling.QueryGateway;
import org.giaoban.platform.problem.DomainRuleViolation;
import org.giaoban.platform.problem.InvalidFieldException;
import org.giaoban.platform.problem.NotAllowedException;
import org.giaoban.platform.problem.ProblemResponses;
import org.giaoban.tasks.api.task.CancelTaskCommand;
import org.giaoban.tasks.api.task.CompleteTaskCommand;
import org.giaoban.tasks.api.task.FindTaskQuery;
import org.giaoban.tasks.api.task.FindTasksQuery;
import org.giaoban.tasks.api.task.PlanTaskCommand;
import org.giaoban.tasks.api.task.ReopenTaskCommand;
import org.giaoban.tasks.api.task.RescheduleTaskCommand;
import org.giaoban.tasks.api.task.TaskPageView;
import org.giaoban.tasks.api.task.TaskStatus;
import org.giaoban.tasks.api.task.TaskView;
import org.giaoban.units.Unit;
import org.giaoban.units.UnitCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The work-item endpoints with the gateways mocked. The slice does not load the platform's auto-configurations, so
 * the problem+json advice is imported; the unit catalogue is the application's own bean.
 */
@WebMvcTest(TaskController.class)
@Import(ProblemResponses.class)
class TaskControllerTest {

    private static final UUID TASK_ID = UUID.fromString("6f1c2d3e-4a5b-4c6d-8e7f-901234567890");
    private static final String TITLE = "Báo cáo sơ kết 6 tháng";

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private CommandGateway commands;

    @MockitoBean
    private QueryGateway queries;

    @Test
    void planningAnItemAnswersCreatedWithItsLocationAndTheIdOfTheCommand() throws Exception {
        MvcResult result = mvc.perform(json(post("/api/tasks"), """
                        {"programme": "2022", "title": "  Báo cáo sơ kết 6 tháng  ", "unitId": "HN-LONGBIEN",
                         "dueOn": "2022-06-30", "description": "Gửi Ban Thường vụ Thành ủy"}
                        """))
                .andExpect(status().isCreated())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andReturn();

        ArgumentCaptor<PlanTaskCommand> sent = ArgumentCaptor.forClass(PlanTaskCommand.class);
        then(commands).should().sendAndWait(sent.capture());
        PlanTaskCommand command = sent.getValue();
        assertThat(command)
                .isEqualTo(new PlanTaskCommand(
                        command.taskId(),
                        "2022",
                        TITLE,
                        "Gửi Ban Thường vụ Thành ủy",
                        "HN-LONGBIEN",
                        LocalDate.of(2022, 6, 30)));
        assertThat(command.taskId()).isNotNull();
        assertThat(result.getResponse().getHeader("Location")).isEqualTo("/api/tasks/" + command.taskId());
        assertThat(result.getResponse().getContentAsString())
                .isEqualToIgnoringWhitespace("{\"id\":\"" + command.taskId() + "\"}");
    }

    @Test
    void aBodyThatIsNotJsonIsMalformed() throws Exception {
        mvc.perform(json(post("/api/tasks"), "{\"programme\": \"2022\", \"title\": "))
                .andExpect(problem(400, "malformed-request"));
        verifyNoInteractions(commands);
    }

    @Test
    void missingAndBlankRequiredFieldsAreEachNamed() throws Exception {
        mvc.perform(json(post("/api/tasks"), "{\"programme\": \"2022\", \"title\": \"   \"}"))
                .andExpect(invalidFields("dueOn", "title", "unitId"));
        verifyNoInteractions(commands);
    }

    @Test
    void aProgrammeMustBeAYearOrATerm() throws Exception {
        mvc.perform(json(post("/api/tasks"), """
                        {"programme": "năm 2022", "title": "Báo cáo", "unitId": "HN", "dueOn": "2022-06-30"}
                        """)).andExpect(invalidFields("programme"));
        verifyNoInteractions(commands);
    }

    @Test
    void aDueDateThatIsNoDateIsNamed() throws Exception {
        mvc.perform(json(post("/api/tasks"), """
                        {"programme": "2022", "title": "Báo cáo", "unitId": "HN", "dueOn": "2022-13-01"}
                        """))
                .andExpect(invalidFields("dueOn"))
                .andExpect(jsonPath("$.errors[0].message").value("'2022-13-01' is not a valid LocalDate"));
        verifyNoInteractions(commands);
    }

    @Test
    void aBodyThatIsNotJsonIsUnsupported() throws Exception {
        mvc.perform(post("/api/tasks").contentType(MediaType.TEXT_PLAIN).content("Báo cáo sơ kết"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(415));
        verifyNoInteractions(commands);
    }

    @Test
    void anUnknownUnitRefusedByTheAggregateIsAnInvalidField() throws Exception {
        given(commands.sendAndWait(any())).willThrow(new InvalidFieldException("unitId", "'HN-X' is not a known unit"));

        mvc.perform(json(post("/api/tasks"), """
                        {"programme": "2022", "title": "Báo cáo", "unitId": "HN-X", "dueOn": "2022-06-30"}
                        """))
                .andExpect(invalidFields("unitId"))
                .andExpect(jsonPath("$.errors[0].message").value("'HN-X' is not a known unit"));
    }

    @Test
    void readingAnItemAnswersItsFieldsAndItsVersionAsETag() throws Exception {
        given(queries.query(eq(new FindTaskQuery(TASK_ID)), any(ResponseType.class)))
                .willReturn(CompletableFuture.completedFuture(Optional.of(new TaskView(
                        TASK_ID,
                        "2022",
                        TITLE,
                        "Gửi Ban Thường vụ Thành ủy",
                        "HN-HOANKIEM",
                        LocalDate.of(2022, 6, 30),
                        TaskStatus.COMPLETED,
                        LocalDate.of(2022, 6, 28),
                        3))));

        mvc.perform(get("/api/tasks/{taskId}", TASK_ID))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"3\""))
                .andExpect(jsonPath("$.id").value(TASK_ID.toString()))
                .andExpect(jsonPath("$.programme").value("2022"))
                .andExpect(jsonPath("$.title").value(TITLE))
                .andExpect(jsonPath("$.unitId").value("HN-HOANKIEM"))
                .andExpect(jsonPath("$.dueOn").value("2022-06-30"))
                .andExpect(jsonPath("$.status").value("COMPLETED"))
                .andExpect(jsonPath("$.completedOn").value("2022-06-28"))
                .andExpect(jsonPath("$.version").value(3));
    }

    @Test
    void anItemAndEachItemOfAListShowExactlyTheFieldsOfTheApiWithTheirIdAsId() throws Exception {
        given(queries.query(eq(new FindTaskQuery(TASK_ID)), any(ResponseType.class)))
                .willReturn(CompletableFuture.completedFuture(Optional.of(openItem(TASK_ID, "HN-HOANKIEM"))));
        given(queries.query(any(FindTasksQuery.class), eq(TaskPageView.class)))
                .willReturn(CompletableFuture.completedFuture(
                        new TaskPageView(List.of(openItem(TASK_ID, "HN-HOANKIEM")), 0, 50, 1)));
        String[] fields = {
            "id", "programme", "title", "description", "unitId", "dueOn", "status", "completedOn", "version"
        };

        mvc.perform(get("/api/tasks/{taskId}", TASK_ID)).andExpect(fieldsAt("", fields));
        mvc.perform(get("/api/tasks")).andExpect(fieldsAt("/items/0", fields));
    }

    @Test
    void anOpenItemShowsThatItHasNoCompletionDate() throws Exception {
        given(queries.query(eq(new FindTaskQuery(TASK_ID)), any(ResponseType.class)))
                .willReturn(CompletableFuture.completedFuture(Optional.of(openItem(TASK_ID, "HN-HOANKIEM"))));

        mvc.perform(get("/api/tasks/{taskId}", TASK_ID))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.completedOn").hasJsonPath())
                .andExpect(jsonPath("$.completedOn").value(nullValue()));
    }

    @Test
    void readingAnUnknownItemIsNotFound() throws Exception {
        given(queries.query(eq(new FindTaskQuery(TASK_ID)), any(ResponseType.class)))
                .willReturn(CompletableFuture.completedFuture(Optional.empty()));

        mvc.perform(get("/api/tasks/{taskId}", TASK_ID)).andExpect(problem(404, "not-found"));
    }

    @Test
    void anIdThatIsNoUuidIsAnInvalidField() throws Exception {
        mvc.perform(get("/api/tasks/{taskId}", "123")).andExpect(invalidFields("taskId"));
        mvc.perform(json(post("/api/tasks/{taskId}/cancel", "123"), "{\"reason\": \"Nhầm\"}"))
                .andExpect(invalidFields("taskId"));
        verifyNoInteractions(commands, queries);
    }

    @Test
    void listingAskedForTheCityIncludesEveryUnitUnderIt() throws Exception {
        TaskView item = openItem(TASK_ID, "HN-HOANKIEM");
        given(queries.query(any(FindTasksQuery.class), eq(TaskPageView.class)))
                .willReturn(CompletableFuture.completedFuture(new TaskPageView(List.of(item), 2, 10, 87)));

        mvc.perform(get("/api/tasks")
                        .param("programme", "2022")
                        .param("unitId", "HN")
                        .param("status", "OPEN")
                        .param("dueFrom", "2022-01-01")
                        .param("dueTo", "2022-09-08")
                        .param("page", "2")
                        .param("size", "10"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].id").value(TASK_ID.toString()))
                .andExpect(jsonPath("$.items[0].title").value(TITLE))
                .andExpect(jsonPath("$.page").value(2))
                .andExpect(jsonPath("$.size").value(10))
                .andExpect(jsonPath("$.total").value(87));

        FindTasksQuery query = sentListQuery();
        List<String> everyUnit =
                UnitCatalogue.hanoi().all().stream().map(Unit::id).toList();
        assertThat(query.unitIds())
                .containsExactlyInAnyOrderElementsOf(everyUnit)
                .contains("HN-SONTAY");
        assertThat(query)
                .isEqualTo(new FindTasksQuery(
                        "2022",
                        query.unitIds(),
                        TaskStatus.OPEN,
                        LocalDate.of(2022, 1, 1),
                        LocalDate.of(2022, 9, 8),
                        2,
                        10));
    }

    @Test
    void listingAskedForADistrictIncludesOnlyThatDistrict() throws Exception {
        givenAnEmptyList();

        mvc.perform(get("/api/tasks").param("unitId", "HN-HOANKIEM")).andExpect(status().isOk());

        assertThat(sentListQuery().unitIds()).containsExactly("HN-HOANKIEM");
    }

    @Test
    void listingWithoutFiltersAsksForTheFirstFiftyOfEveryUnit() throws Exception {
        givenAnEmptyList();

        mvc.perform(get("/api/tasks"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items").isEmpty())
                .andExpect(jsonPath("$.total").value(0));

        assertThat(sentListQuery()).isEqualTo(new FindTasksQuery(null, null, null, null, null, 0, 50));
    }

    @Test
    void listingByAStatusThatDoesNotExistNamesTheStatuses() throws Exception {
        mvc.perform(get("/api/tasks").param("status", "DONE"))
                .andExpect(invalidFields("status"))
                .andExpect(jsonPath("$.errors[0].message").value("'DONE' must be one of OPEN, COMPLETED, CANCELLED"));
        verifyNoInteractions(queries);
    }

    @Test
    void listingFromADateThatIsNoDateIsRefused() throws Exception {
        mvc.perform(get("/api/tasks").param("dueFrom", "2022-13-01")).andExpect(invalidFields("dueFrom"));
        verifyNoInteractions(queries);
    }

    @Test
    void aPageOfMoreThanFiveHundredIsRefused() throws Exception {
        mvc.perform(get("/api/tasks").param("size", "501")).andExpect(invalidFields("size"));
        verifyNoInteractions(queries);
    }

    @Test
    void aNegativePageIsRefused() throws Exception {
        mvc.perform(get("/api/tasks").param("page", "-1")).andExpect(invalidFields("page"));
        verifyNoInteractions(queries);
    }

    @Test
    void aDueRangeThatEndsBeforeItStartsIsRefused() throws Exception {
        mvc.perform(get("/api/tasks").param("dueFrom", "2022-09-08").param("dueTo", "2022-01-01"))
                .andExpect(invalidFields("dueTo"));
        verifyNoInteractions(queries);
    }

    @Test
    void listingAnUnknownUnitIsRefused() throws Exception {
        mvc.perform(get("/api/tasks").param("unitId", "HN-ATLANTIS"))
                .andExpect(invalidFields("unitId"))
                .andExpect(jsonPath("$.errors[0].message").value("'HN-ATLANTIS' is not a known unit"));
        verifyNoInteractions(queries);
    }

    @Test
    void completingAnItemSendsTheDateAndNoteWithoutAnExpectedVersion() throws Exception {
        mvc.perform(json(
                        post("/api/tasks/{taskId}/complete", TASK_ID),
                        "{\"completedOn\": \"2022-06-28\", \"note\": \"Đã gửi Thành ủy\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(TASK_ID.toString()));

        then(commands)
                .should()
                .sendAndWait(new CompleteTaskCommand(TASK_ID, LocalDate.of(2022, 6, 28), "Đã gửi Thành ủy", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"3\"", "W/\"3\"", "3"})
    void theVersionInIfMatchReachesTheCommand(String ifMatch) throws Exception {
        mvc.perform(json(post("/api/tasks/{taskId}/complete", TASK_ID), "{\"completedOn\": \"2022-06-28\"}")
                        .header("If-Match", ifMatch))
                .andExpect(status().isOk());

        ArgumentCaptor<CompleteTaskCommand> sent = ArgumentCaptor.forClass(CompleteTaskCommand.class);
        then(commands).should().sendAndWait(sent.capture());
        assertThat(sent.getValue().expectedVersion()).isEqualTo(3L);
    }

    @Test
    void anIfMatchThatIsNoVersionIsRefused() throws Exception {
        mvc.perform(json(post("/api/tasks/{taskId}/complete", TASK_ID), "{\"completedOn\": \"2022-06-28\"}")
                        .header("If-Match", "abc"))
                .andExpect(invalidFields("If-Match"));
        verifyNoInteractions(commands);
    }

    @Test
    void completingWithoutADateIsRefused() throws Exception {
        mvc.perform(json(post("/api/tasks/{taskId}/complete", TASK_ID), "{\"note\": \"Xong\"}"))
                .andExpect(invalidFields("completedOn"));
        verifyNoInteractions(commands);
    }

    @Test
    void completingOnADateInTheFutureIsAnInvalidField() throws Exception {
        given(commands.sendAndWait(any()))
                .willThrow(new InvalidFieldException("completedOn", "may not be in the future"));

        mvc.perform(json(post("/api/tasks/{taskId}/complete", TASK_ID), "{\"completedOn\": \"2030-01-01\"}"))
                .andExpect(invalidFields("completedOn"))
                .andExpect(jsonPath("$.errors[0].message").value("may not be in the future"));
    }

    @Test
    void completingACancelledItemIsAConflictNamedByItsRule() throws Exception {
        given(commands.sendAndWait(any()))
                .willThrow(new DomainRuleViolation("task-cancelled", "The work item is cancelled."));

        mvc.perform(json(post("/api/tasks/{taskId}/complete", TASK_ID), "{\"completedOn\": \"2022-06-28\"}"))
                .andExpect(problem(409, "task-cancelled"))
                .andExpect(jsonPath("$.detail").value("The work item is cancelled."));
    }

    @Test
    void completingAnotherDistrictsItemIsForbiddenAndSaysWhy() throws Exception {
        given(commands.sendAndWait(any()))
                .willThrow(new NotAllowedException(
                        "unit-not-allowed", "hoankiem may not change what belongs to HN-LONGBIEN"));

        mvc.perform(json(post("/api/tasks/{taskId}/complete", TASK_ID), "{\"completedOn\": \"2022-06-28\"}"))
                .andExpect(problem(403, "unit-not-allowed"))
                .andExpect(jsonPath("$.detail").value("hoankiem may not change what belongs to HN-LONGBIEN"));
    }

    @Test
    void completingAnUnknownItemIsNotFound() throws Exception {
        given(commands.sendAndWait(any()))
                .willThrow(new AggregateNotFoundException(TASK_ID.toString(), "The aggregate was not found"));

        mvc.perform(json(post("/api/tasks/{taskId}/complete", TASK_ID), "{\"completedOn\": \"2022-06-28\"}"))
                .andExpect(problem(404, "not-found"));
    }

    @Test
    void completingAnItemChangedSinceItWasReadIsAFailedPrecondition() throws Exception {
        given(commands.sendAndWait(any()))
                .willThrow(new ConflictingAggregateVersionException(TASK_ID.toString(), 3, 4));

        mvc.perform(json(post("/api/tasks/{taskId}/complete", TASK_ID), "{\"completedOn\": \"2022-06-28\"}")
                        .header("If-Match", "\"3\""))
                .andExpect(problem(412, "stale-version"));
    }

    @Test
    void reopeningAnItemSendsTheReason() throws Exception {
        mvc.perform(json(post("/api/tasks/{taskId}/reopen", TASK_ID), "{\"reason\": \"Thiếu số liệu quận\"}")
                        .header("If-Match", "W/\"5\""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(TASK_ID.toString()));

        then(commands).should().sendAndWait(new ReopenTaskCommand(TASK_ID, "Thiếu số liệu quận", 5L));
    }

    @Test
    void reopeningAnOpenItemIsAConflictNamedByItsRule() throws Exception {
        given(commands.sendAndWait(any()))
                .willThrow(new DomainRuleViolation("task-not-completed", "The work item is open."));

        mvc.perform(json(post("/api/tasks/{taskId}/reopen", TASK_ID), "{\"reason\": \"Nhầm\"}"))
                .andExpect(problem(409, "task-not-completed"));
    }

    @Test
    void reschedulingAnItemSendsTheNewDueDateAndTheReason() throws Exception {
        mvc.perform(json(
                        post("/api/tasks/{taskId}/reschedule", TASK_ID),
                        "{\"dueOn\": \"2022-10-15\", \"reason\": \"Chờ hướng dẫn của Trung ương\"}"))
                .andExpect(status().isOk());

        then(commands)
                .should()
                .sendAndWait(new RescheduleTaskCommand(
                        TASK_ID, LocalDate.of(2022, 10, 15), "Chờ hướng dẫn của Trung ương", null));
    }

    @Test
    void reschedulingToADateThatIsNoDateIsRefused() throws Exception {
        mvc.perform(json(
                        post("/api/tasks/{taskId}/reschedule", TASK_ID),
                        "{\"dueOn\": \"2022-13-01\", \"reason\": \"Dời lịch\"}"))
                .andExpect(invalidFields("dueOn"));
        verifyNoInteractions(commands);
    }

    @Test
    void cancellingAnItemSendsTheReason() throws Exception {
        mvc.perform(json(post("/api/tasks/{taskId}/cancel", TASK_ID), "{\"reason\": \"Không còn phù hợp\"}"))
                .andExpect(status().isOk());

        then(commands).should().sendAndWait(new CancelTaskCommand(TASK_ID, "Không còn phù hợp", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"reopen", "reschedule", "cancel"})
    void aChangeWithoutAReasonIsRefused(String change) throws Exception {
        mvc.perform(json(
                        post("/api/tasks/{taskId}/" + change, TASK_ID),
                        "{\"dueOn\": \"2022-10-15\", \"reason\": \" \"}"))
                .andExpect(invalidFields("reason"));
        verifyNoInteractions(commands);
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static TaskView openItem(UUID taskId, String unitId) {
        return new TaskView(taskId, "2022", TITLE, null, unitId, LocalDate.of(2022, 9, 30), TaskStatus.OPEN, null, 0);
    }

    private void givenAnEmptyList() {
        given(queries.query(any(FindTasksQuery.class), eq(TaskPageView.class)))
                .willReturn(CompletableFuture.completedFuture(new TaskPageView(List.of(), 0, 50, 0)));
    }

    private FindTasksQuery sentListQuery() {
        ArgumentCaptor<FindTasksQuery> sent = ArgumentCaptor.forClass(FindTasksQuery.class);
        then(queries).should().query(sent.capture(), eq(TaskPageView.class));
        return sent.getValue();
    }
}
