package org.giaoban.tasks.task.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.giaoban.platform.problem.InvalidFieldException;
import org.giaoban.platform.problem.ResourceNotFoundException;
import org.giaoban.platform.web.IdResponse;
import org.giaoban.platform.web.IfMatch;
import org.giaoban.platform.web.PageRequest;
import org.giaoban.platform.web.PageResponse;
import org.giaoban.platform.web.UnitFilter;
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
import org.giaoban.units.UnitCatalogue;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Work items over HTTP: each write is one command, each read one query of the task-list read model. */
@RestController
@RequestMapping("/api/tasks")
class TaskController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final UnitCatalogue units;

    TaskController(CommandGateway commands, QueryGateway queries, UnitCatalogue units) {
        this.commands = commands;
        this.queries = queries;
        this.units = units;
    }

    @PostMapping
    ResponseEntity<IdResponse> plan(@Valid @RequestBody TaskRequests.Plan request) {
        UUID taskId = UUID.randomUUID();
        commands.sendAndWait(new PlanTaskCommand(
                taskId,
                request.programme(),
                request.title().strip(),
                request.description(),
                request.unitId(),
                request.dueOn()));
        return ResponseEntity.created(URI.create("/api/tasks/" + taskId)).body(new IdResponse(taskId));
    }

    @PostMapping("/{taskId}/complete")
    IdResponse complete(
            @PathVariable UUID taskId,
            @Valid @RequestBody TaskRequests.Complete request,
            @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        commands.sendAndWait(new CompleteTaskCommand(
                taskId, request.completedOn(), request.note(), IfMatch.expectedVersion(ifMatch)));
        return new IdResponse(taskId);
    }

    @PostMapping("/{taskId}/reopen")
    IdResponse reopen(
            @PathVariable UUID taskId,
            @Valid @RequestBody TaskRequests.Reopen request,
            @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        commands.sendAndWait(new ReopenTaskCommand(taskId, request.reason(), IfMatch.expectedVersion(ifMatch)));
        return new IdResponse(taskId);
    }

    @PostMapping("/{taskId}/reschedule")
    IdResponse reschedule(
            @PathVariable UUID taskId,
            @Valid @RequestBody TaskRequests.Reschedule request,
            @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        commands.sendAndWait(
                new RescheduleTaskCommand(taskId, request.dueOn(), request.reason(), IfMatch.expectedVersion(ifMatch)));
        return new IdResponse(taskId);
    }

    @PostMapping("/{taskId}/cancel")
    IdResponse cancel(
            @PathVariable UUID taskId,
            @Valid @RequestBody TaskRequests.Cancel request,
            @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        commands.sendAndWait(new CancelTaskCommand(taskId, request.reason(), IfMatch.expectedVersion(ifMatch)));
        return new IdResponse(taskId);
    }

    @GetMapping("/{taskId}")
    ResponseEntity<TaskView> find(@PathVariable UUID taskId) {
        TaskView task = queries.query(new FindTaskQuery(taskId), ResponseTypes.optionalInstanceOf(TaskView.class))
                .join()
                .orElseThrow(() -> new ResourceNotFoundException("work item", taskId));
        return ResponseEntity.ok().eTag(IfMatch.entityTag(task.version())).body(task);
    }

    @GetMapping
    PageResponse<TaskView> list(
            @RequestParam(required = false) String programme,
            @RequestParam(required = false) String unitId,
            @RequestParam(required = false) TaskStatus status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueTo,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        PageRequest paging = PageRequest.of(page, size);
        if (dueFrom != null && dueTo != null && dueFrom.isAfter(dueTo)) {
            throw new InvalidFieldException("dueTo", "must not be before dueFrom");
        }
        TaskPageView found = queries.query(
                        new FindTasksQuery(
                                programme,
                                UnitFilter.selfAndUnitsUnder(units, "unitId", unitId),
                                status,
                                dueFrom,
                                dueTo,
                                paging.page(),
                                paging.size()),
                        TaskPageView.class)
                .join();
        return new PageResponse<>(found.items(), found.page(), found.size(), found.total());
    }
}
