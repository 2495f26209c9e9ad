package org.giaoban.tasks.task.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.giaoban.platform.apidoc.ApiProblem;
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
@Tag(
        name = "Work items",
        description = "The items of a unit's work programme: planned with a due date, then completed, reopened,"
                + " rescheduled or cancelled. Each change is recorded with who made it and why.")
class TaskController {

    private static final String NOT_FOUND = "No work item has the id 6f1c2d3e-4a5b-4c6d-8e7f-901234567890";

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final UnitCatalogue units;

    TaskController(CommandGateway commands, QueryGateway queries, UnitCatalogue units) {
        this.commands = commands;
        this.queries = queries;
        this.units = units;
    }

    @PostMapping
    @Operation(
            operationId = "planTask",
            summary = "Plan a work item",
            description = "Adds an item to a unit's programme, open until it is completed or cancelled. An OFFICER"
                    + " plans for its own unit and the units under it.")
    @ApiResponse(
            responseCode = "201",
            description = "Planned: the new item's id, and its address in Location",
            headers = @Header(name = "Location", description = "/api/tasks/{id}", schema = @Schema(type = "string")))
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
    @Operation(
            operationId = "completeTask",
            summary = "Complete a work item",
            description = "Records the day an open item was done (not in the future) and an optional note.")
    @ApiProblem(status = 404, type = "not-found", detail = NOT_FOUND)
    @ApiProblem(status = 409, type = "task-cancelled", detail = "The work item is cancelled; it cannot be completed.")
    @ApiProblem(
            status = 409,
            type = "task-completed",
            detail = "The work item is already completed; reopen it before it can be completed.")
    IdResponse complete(
            @Parameter(description = "The work item's id", example = "6f1c2d3e-4a5b-4c6d-8e7f-901234567890")
                    @PathVariable
                    UUID taskId,
            @Valid @RequestBody TaskRequests.Complete request,
            @Parameter(
                            description = "The version last read (the item's version, or the ETag of GET):"
                                    + " 412 if it has changed since",
                            example = "\"3\"")
                    @RequestHeader(name = IfMatch.HEADER, required = false)
                    String ifMatch) {
        commands.sendAndWait(new CompleteTaskCommand(
                taskId, request.completedOn(), request.note(), IfMatch.expectedVersion(ifMatch)));
        return new IdResponse(taskId);
    }

    @PostMapping("/{taskId}/reopen")
    @Operation(
            operationId = "reopenTask",
            summary = "Reopen a completed work item",
            description = "Makes a completed item open again, with the reason; its completion day is cleared.")
    @ApiProblem(status = 404, type = "not-found", detail = NOT_FOUND)
    @ApiProblem(status = 409, type = "task-cancelled", detail = "The work item is cancelled; it cannot be reopened.")
    @ApiProblem(
            status = 409,
            type = "task-not-completed",
            detail = "The work item is open; only a completed one can be reopened.")
    IdResponse reopen(
            @Parameter(description = "The work item's id", example = "6f1c2d3e-4a5b-4c6d-8e7f-901234567890")
                    @PathVariable
                    UUID taskId,
            @Valid @RequestBody TaskRequests.Reopen request,
            @Parameter(
                            description = "The version last read (the item's version, or the ETag of GET):"
                                    + " 412 if it has changed since",
                            example = "\"3\"")
                    @RequestHeader(name = IfMatch.HEADER, required = false)
                    String ifMatch) {
        commands.sendAndWait(new ReopenTaskCommand(taskId, request.reason(), IfMatch.expectedVersion(ifMatch)));
        return new IdResponse(taskId);
    }

    @PostMapping("/{taskId}/reschedule")
    @Operation(
            operationId = "rescheduleTask",
            summary = "Reschedule an open work item",
            description = "Moves an open item's due date, with the reason.")
    @ApiProblem(status = 404, type = "not-found", detail = NOT_FOUND)
    @ApiProblem(status = 409, type = "task-cancelled", detail = "The work item is cancelled; it cannot be rescheduled.")
    @ApiProblem(
            status = 409,
            type = "task-completed",
            detail = "The work item is already completed; reopen it before it can be rescheduled.")
    IdResponse reschedule(
            @Parameter(description = "The work item's id", example = "6f1c2d3e-4a5b-4c6d-8e7f-901234567890")
                    @PathVariable
                    UUID taskId,
            @Valid @RequestBody TaskRequests.Reschedule request,
            @Parameter(
                            description = "The version last read (the item's version, or the ETag of GET):"
                                    + " 412 if it has changed since",
                            example = "\"3\"")
                    @RequestHeader(name = IfMatch.HEADER, required = false)
                    String ifMatch) {
        commands.sendAndWait(
                new RescheduleTaskCommand(taskId, request.dueOn(), request.reason(), IfMatch.expectedVersion(ifMatch)));
        return new IdResponse(taskId);
    }

    @PostMapping("/{taskId}/cancel")
    @Operation(
            operationId = "cancelTask",
            summary = "Cancel a work item",
            description = "Takes an item out of the programme, with the reason; a cancelled item can no longer change.")
    @ApiProblem(status = 404, type = "not-found", detail = NOT_FOUND)
    @ApiProblem(status = 409, type = "task-cancelled", detail = "The work item is cancelled; it cannot be cancelled.")
    @ApiProblem(
            status = 409,
            type = "task-completed",
            detail = "The work item is already completed; reopen it before it can be cancelled.")
    IdResponse cancel(
            @Parameter(description = "The work item's id", example = "6f1c2d3e-4a5b-4c6d-8e7f-901234567890")
                    @PathVariable
                    UUID taskId,
            @Valid @RequestBody TaskRequests.Cancel request,
            @Parameter(
                            description = "The version last read (the item's version, or the ETag of GET):"
                                    + " 412 if it has changed since",
                            example = "\"3\"")
                    @RequestHeader(name = IfMatch.HEADER, required = false)
                    String ifMatch) {
        commands.sendAndWait(new CancelTaskCommand(taskId, request.reason(), IfMatch.expectedVersion(ifMatch)));
        return new IdResponse(taskId);
    }

    @GetMapping("/{taskId}")
    @Operation(
            operationId = "findTask",
            summary = "Read a work item",
            description = "The item as it stands; its version is also in the ETag header, to send back in If-Match.")
    @ApiProblem(status = 404, type = "not-found", detail = NOT_FOUND)
    ResponseEntity<TaskView> find(
            @Parameter(description = "The work item's id", example = "6f1c2d3e-4a5b-4c6d-8e7f-901234567890")
                    @PathVariable
                    UUID taskId) {
        TaskView task = queries.query(new FindTaskQuery(taskId), ResponseTypes.optionalInstanceOf(TaskView.class))
                .join()
                .orElseThrow(() -> new ResourceNotFoundException("work item", taskId));
        return ResponseEntity.ok().eTag(IfMatch.entityTag(task.version())).body(task);
    }

    @GetMapping
    @Operation(
            operationId = "listTasks",
            summary = "List work items",
            description = "Work items by programme, unit (with the units under it), status and due dates, in order of"
                    + " due date, a page at a time.")
    PageResponse<TaskView> list(
            @Parameter(description = "The programme: a year, or a term", example = "2022")
                    @RequestParam(required = false)
                    String programme,
            @Parameter(description = "A unit: its items and those of the units under it", example = "HN-LONGBIEN")
                    @RequestParam(required = false)
                    String unitId,
            @Parameter(description = "Only items in this state") @RequestParam(required = false) TaskStatus status,
            @Parameter(description = "Due on or after this day", example = "2022-01-01")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate dueFrom,
            @Parameter(description = "Due on or before this day", example = "2022-09-08")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate dueTo,
            @Parameter(description = PageRequest.PAGE_DESCRIPTION, example = "0") @RequestParam(required = false)
                    Integer page,
            @Parameter(description = PageRequest.SIZE_DESCRIPTION, example = "50") @RequestParam(required = false)
                    Integer size) {
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
