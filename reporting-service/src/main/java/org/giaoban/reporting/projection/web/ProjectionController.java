package org.giaoban.reporting.projection.web;

import java.net.URI;
import java.util.List;
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
class ProjectionController {

    private final ProjectionRebuilds rebuilds;

    ProjectionController(ProjectionRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @GetMapping
    List<ProjectionStatusView> projections() {
        return rebuilds.statuses();
    }

    @GetMapping("/{name}")
    ProjectionStatusView projection(@PathVariable String name) {
        return rebuilds.status(name);
    }

    @PostMapping("/{name}/rebuild")
    ResponseEntity<ProjectionStatusView> rebuild(@PathVariable String name) {
        ProjectionStatusView status = rebuilds.rebuild(name);
        return ResponseEntity.accepted()
                .location(URI.create("/api/admin/projections/" + name))
                .body(status);
    }
}
