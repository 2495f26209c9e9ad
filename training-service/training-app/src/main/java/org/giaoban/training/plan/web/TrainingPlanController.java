package org.giaoban.training.plan.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.giaoban.platform.apidoc.ApiProblem;
import org.giaoban.platform.problem.ResourceNotFoundException;
import org.giaoban.platform.web.IfMatch;
import org.giaoban.training.api.plan.FindTrainingPlanQuery;
import org.giaoban.training.api.plan.PlanLine;
import org.giaoban.training.api.plan.RecordTrainingPlanCommand;
import org.giaoban.training.api.plan.TrainingPlanView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Training plans over HTTP, one per unit and year. A PUT records or replaces the plan and answers it as recorded, with
 * its version, without waiting for the read model; a GET reads the read model.
 */
@RestController
@RequestMapping("/api/training-plans")
@Tag(
        name = "Training plans",
        description = "Each unit's plan for a year: lines of classes planned for one or more blocs, which the briefing"
                + " sets against the classes held.")
class TrainingPlanController {

    private final CommandGateway commands;
    private final QueryGateway queries;

    TrainingPlanController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @PutMapping("/{unitId}/{year}")
    @Operation(
            operationId = "recordTrainingPlan",
            summary = "Record a unit's plan for a year",
            description = "Records the plan, or replaces the one recorded; a bloc may be in one line only. The answer"
                    + " is the plan as recorded, its version also in the ETag header.")
    ResponseEntity<TrainingPlanResponse> record(
            @Parameter(description = "The unit whose plan it is", example = "HN-HOANKIEM") @PathVariable String unitId,
            @Parameter(description = "The year", example = "2022") @PathVariable int year,
            @Valid @RequestBody TrainingPlanRequests.Plan request,
            @Parameter(
                            description = "The version last read (the plan's version, or the ETag of GET): 412 if it"
                                    + " has changed since",
                            example = "\"1\"")
                    @RequestHeader(name = IfMatch.HEADER, required = false)
                    String ifMatch) {
        List<PlanLine> lines = request.toPlanLines();
        long version = commands.<Long>sendAndWait(new RecordTrainingPlanCommand(
                RecordTrainingPlanCommand.planIdOf(unitId, year),
                unitId,
                year,
                lines,
                IfMatch.expectedVersion(ifMatch)));
        return ResponseEntity.ok()
                .eTag(IfMatch.entityTag(version))
                .body(TrainingPlanResponse.of(unitId, year, lines, version));
    }

    @GetMapping("/{unitId}/{year}")
    @Operation(
            operationId = "findTrainingPlan",
            summary = "Read a unit's plan for a year",
            description = "The plan as last recorded, with its total of classes; its version is also in the ETag"
                    + " header, to send back in If-Match.")
    @ApiProblem(status = 404, type = "not-found", detail = "No training plan has the id HN-HOANKIEM/2022")
    ResponseEntity<TrainingPlanResponse> find(
            @Parameter(description = "The unit whose plan it is", example = "HN-HOANKIEM") @PathVariable String unitId,
            @Parameter(description = "The year", example = "2022") @PathVariable int year) {
        TrainingPlanView plan = queries.query(
                        new FindTrainingPlanQuery(unitId, year),
                        ResponseTypes.optionalInstanceOf(TrainingPlanView.class))
                .join()
                .orElseThrow(() -> new ResourceNotFoundException(
                        "training plan", RecordTrainingPlanCommand.planIdOf(unitId, year)));
        return ResponseEntity.ok().eTag(IfMatch.entityTag(plan.version())).body(TrainingPlanResponse.of(plan));
    }
}
