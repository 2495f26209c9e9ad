package org.giaoban.gateway.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.giaoban.identity.Caller;
import org.giaoban.identity.Role;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/me}: who the gateway takes the caller to be. */
@RestController
@Tag(name = "Caller", description = "Who is signed in: what a front-end shows, and offers, to this caller.")
public class MeController {

    @Schema(name = "Me", description = "The signed-in caller")
    public record MeResponse(
            @Schema(description = "The user name", example = "hoankiem")
            String name,

            @Schema(description = "The caller's roles: ADMIN, OFFICER, AUDITOR, VIEWER", example = "[\"OFFICER\"]")
            List<Role> roles,

            @Schema(
                    description =
                            "The caller's unit (an OFFICER writes for it and the units under it); null" + " for none",
                    example = "HN-HOANKIEM")
            String unitId) {}

    @GetMapping("/api/me")
    @Operation(
            operationId = "me",
            summary = "The signed-in caller: name, roles and unit",
            description = "Who the gateway takes the caller to be, from HTTP Basic or the bearer token. A front-end"
                    + " reads it after sign-in to offer only what the roles allow: ADMIN everything; OFFICER writes"
                    + " for its own unit and the units under it; AUDITOR reads and the audit endpoints; VIEWER reads.")
    public Mono<MeResponse> me(@AuthenticationPrincipal Caller caller) {
        return Mono.just(new MeResponse(caller.name(), caller.roles(), caller.unitId()));
    }
}
