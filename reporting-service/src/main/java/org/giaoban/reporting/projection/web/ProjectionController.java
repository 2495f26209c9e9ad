package org.giaoban.reporting.projection.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.giaoban.platform.apidoc.ApiProblem;
import org.giaoban.reporting.projection.ProjectionRebuilds;
import org.giaoban.reporting.projection.ProjectionStatusView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The read models of reporting-service: their position and lag, and a rebuild that answers 202 and runs on. */
@RestController
@RequestMapping("/api/admin/projections")
@Tag(
        name = "Read models",
        description = "The read models of reporting-service (ADMIN): how far each has read its service's events, and a"
                + " rebuild from the whole history while reads go on from the old one.")
class ProjectionController {

    private static final String NOT_FOUND = "No read model has the id briefing-trainings";
    private static final String NAME = "The read model's name: briefing-tasks or briefing-training";

    private final ProjectionRebuilds rebuilds;

    ProjectionController(ProjectionRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @GetMapping
    @Operation(
            operationId = "listReadModels",
            summary = "List the read models",
            description = "Each read model with its position, the head of its service's events, the lag between"
                    + " them, and whether it is live or rebuilding.")
    List<ProjectionStatusView> projections() {
        return rebuilds.statuses();
    }

    @GetMapping("/{name}")
    @Operation(
            operationId = "findReadModel",
            summary = "Read a read model's state",
            description = "Its position, lag and status, a rebuild's progress, and how its last rebuild ended.")
    @ApiProblem(status = 404, type = "not-found", detail = NOT_FOUND)
    ProjectionStatusView projection(
            @Parameter(description = NAME, example = "briefing-training") @PathVariable String name) {
        return rebuilds.status(name);
    }

    @PostMapping("/{name}/rebuild")
    @Operation(
            operationId = "rebuildReadModel",
            summary = "Rebuild a read model",
            description = "Starts reading the whole history into a new generation beside the live one; reads keep"
                    + " answering from the old one until the new one has caught up. Follow its progress at Location.")
    @ApiResponse(
            responseCode = "202",
            description = "Started: the read model's state, its address in Location",
            headers =
                    @Header(
                            name = "Location",
                            description = "/api/admin/projections/{name}",
                            schema = @Schema(type = "string")))
    @ApiProblem(status = 404, type = "not-found", detail = NOT_FOUND)
    @ApiProblem(
            status = 409,
            type = "rebuild-in-progress",
            detail = "The read model briefing-training is being rebuilt; wait until it is live.")
    ResponseEntity<ProjectionStatusView> rebuild(
            @Parameter(description = NAME, example = "briefing-training") @PathVariable String name) {
        ProjectionStatusView status = rebuilds.rebuild(name);
        return ResponseEntity.accepted()
                .location(URI.create("/api/admin/projections/" + name))
                .body(status);
    }
}
