package org.giaoban.training.trainingclass.web;

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
class ClassController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final UnitCatalogue units;

    ClassController(CommandGateway commands, QueryGateway queries, UnitCatalogue units) {
        this.commands = commands;
        this.queries = queries;
        this.units = units;
    }

    @PostMapping
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
    IdResponse cancel(
            @PathVariable UUID classId,
            @Valid @RequestBody ClassRequests.Cancel request,
            @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        commands.sendAndWait(
                new CancelTrainingClassCommand(classId, request.reason(), IfMatch.expectedVersion(ifMatch)));
        return new IdResponse(classId);
    }

    @GetMapping("/{classId}")
    ResponseEntity<TrainingClassView> find(@PathVariable UUID classId) {
        TrainingClassView found = queries.query(
                        new FindTrainingClassQuery(classId), ResponseTypes.optionalInstanceOf(TrainingClassView.class))
                .join()
                .orElseThrow(() -> new ResourceNotFoundException("training class", classId));
        return ResponseEntity.ok().eTag(IfMatch.entityTag(found.version())).body(found);
    }

    @GetMapping
    PageResponse<TrainingClassView> list(
            @RequestParam(required = false) String organizerUnitId,
            @RequestParam(required = false) Bloc bloc,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsTo,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
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
