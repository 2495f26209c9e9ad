package org.giaoban.training.plan.web;

import jakarta.validation.Valid;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
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
class TrainingPlanController {

    private final CommandGateway commands;
    private final QueryGateway queries;

    TrainingPlanController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @PutMapping("/{unitId}/{year}")
    ResponseEntity<TrainingPlanResponse> record(
            @PathVariable String unitId,
            @PathVariable int year,
            @Valid @RequestBody TrainingPlanRequests.Plan request,
            @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
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
    ResponseEntity<TrainingPlanResponse> find(@PathVariable String unitId, @PathVariable int year) {
        TrainingPlanView plan = queries.query(
                        new FindTrainingPlanQuery(unitId, year),
                        ResponseTypes.optionalInstanceOf(TrainingPlanView.class))
                .join()
                .orElseThrow(() -> new ResourceNotFoundException(
                        "training plan", RecordTrainingPlanCommand.planIdOf(unitId, year)));
        return ResponseEntity.ok().eTag(IfMatch.entityTag(plan.version())).body(TrainingPlanResponse.of(plan));
    }
}
