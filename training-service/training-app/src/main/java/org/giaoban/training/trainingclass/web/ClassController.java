package org.giaoban.training.trainingclass.web;

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
import org.giaoban.training.api.trainingclass.Bloc;
import org.giaoban.training.api.trainingclass.CancelTrainingClassCommand;
import org.giaoban.training.api.trainingclass.FindTrainingClassQuery;
import org.giaoban.training.api.trainingclass.FindTrainingClassesQuery;
import org.giaoban.training.api.trainingclass.OpenTrainingClassCommand;
import org.giaoban.training.api.trainingclass.TrainingClassPageView;
import org.giaoban.training.api.trainingclass.TrainingClassView;
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

/** Training classes over HTTP: each write is one command, each read one query of the class-list read model. */
@RestController
@RequestMapping("/api/classes")
@Tag(
        name = "Training classes",
        description = "Classes of political training a unit organises, by bloc of learners (Party, mass"
                + " organisations, State, other) and format, with their learners enrolled; a class can be cancelled.")
class ClassController {

    static final String NOT_FOUND = "No training class has the id 5b7e2c1a-3d4f-4a6b-8c9d-0e1f2a3b4c5d";

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final UnitCatalogue units;

    ClassController(CommandGateway commands, QueryGateway queries, UnitCatalogue units) {
        this.commands = commands;
        this.queries = queries;
        this.units = units;
    }

    @PostMapping
    @Operation(
            operationId = "openClass",
            summary = "Open a training class",
            description = "Records a class a unit organises, with its bloc, format, days and, if it has one, its"
                    + " capacity.")
    @ApiResponse(
            responseCode = "201",
            description = "Opened: the new class's id, and its address in Location",
            headers = @Header(name = "Location", description = "/api/classes/{id}", schema = @Schema(type = "string")))
    ResponseEntity<IdResponse> open(@Valid @RequestBody ClassRequests.Open request) {
        UUID classId = UUID.randomUUID();
        commands.sendAndWait(new OpenTrainingClassCommand(
                classId,
                request.title().strip(),
                request.organizerUnitId(),
                request.bloc(),
                request.format(),
                request.startsOn(),
                request.endsOn(),
                request.capacity()));
        return ResponseEntity.created(URI.create("/api/classes/" + classId)).body(new IdResponse(classId));
    }

    @PostMapping("/{classId}/cancel")
    @Operation(
            operationId = "cancelClass",
            summary = "Cancel a training class",
            description = "Cancels a class, with the reason: it then takes no enrolments and counts in no report.")
    @ApiProblem(status = 404, type = "not-found", detail = NOT_FOUND)
    @ApiProblem(
            status = 409,
            type = "class-cancelled",
            detail = "The class is cancelled; it cannot be cancelled again.")
    IdResponse cancel(
            @Parameter(description = "The class's id", example = "5b7e2c1a-3d4f-4a6b-8c9d-0e1f2a3b4c5d") @PathVariable
                    UUID classId,
            @Valid @RequestBody ClassRequests.Cancel request,
            @Parameter(
                            description = "The version last read (the class's version, or the ETag of GET):"
                                    + " 412 if it has changed since",
                            example = "\"2\"")
                    @RequestHeader(name = IfMatch.HEADER, required = false)
                    String ifMatch) {
        commands.sendAndWait(
                new CancelTrainingClassCommand(classId, request.reason(), IfMatch.expectedVersion(ifMatch)));
        return new IdResponse(classId);
    }

    @GetMapping("/{classId}")
    @Operation(
            operationId = "findClass",
            summary = "Read a training class",
            description = "The class as it stands, with the number of learners enrolled; its version is also in the"
                    + " ETag header, to send back in If-Match.")
    @ApiProblem(status = 404, type = "not-found", detail = NOT_FOUND)
    ResponseEntity<TrainingClassView> find(
            @Parameter(description = "The class's id", example = "5b7e2c1a-3d4f-4a6b-8c9d-0e1f2a3b4c5d") @PathVariable
                    UUID classId) {
        TrainingClassView found = queries.query(
                        new FindTrainingClassQuery(classId), ResponseTypes.optionalInstanceOf(TrainingClassView.class))
                .join()
                .orElseThrow(() -> new ResourceNotFoundException("training class", classId));
        return ResponseEntity.ok().eTag(IfMatch.entityTag(found.version())).body(found);
    }

    @GetMapping
    @Operation(
            operationId = "listClasses",
            summary = "List training classes",
            description =
                    "Classes by organising unit (with the units under it), bloc and first day, a page at a" + " time.")
    PageResponse<TrainingClassView> list(
            @Parameter(description = "A unit: its classes and those of the units under it", example = "HN-QUOCOAI")
                    @RequestParam(required = false)
                    String organizerUnitId,
            @Parameter(description = "Only classes for this bloc") @RequestParam(required = false) Bloc bloc,
            @Parameter(description = "Starting on or after this day", example = "2022-01-01")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate startsFrom,
            @Parameter(description = "Starting on or before this day", example = "2022-09-08")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate startsTo,
            @Parameter(description = PageRequest.PAGE_DESCRIPTION, example = "0") @RequestParam(required = false)
                    Integer page,
            @Parameter(description = PageRequest.SIZE_DESCRIPTION, example = "50") @RequestParam(required = false)
                    Integer size) {
        PageRequest paging = PageRequest.of(page, size);
        if (startsFrom != null && startsTo != null && startsFrom.isAfter(startsTo)) {
            throw new InvalidFieldException("startsTo", "must not be before startsFrom");
        }
        TrainingClassPageView found = queries.query(
                        new FindTrainingClassesQuery(
                                UnitFilter.selfAndUnitsUnder(units, "organizerUnitId", organizerUnitId),
                                bloc,
                                startsFrom,
                                startsTo,
                                paging.page(),
                                paging.size()),
                        TrainingClassPageView.class)
                .join();
        return new PageResponse<>(found.items(), found.page(), found.size(), found.total());
    }
}
