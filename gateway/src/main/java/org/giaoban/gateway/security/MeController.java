package org.giaoban.gateway.security;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.giaoban.identity.Caller;
import org.giaoban.identity.Role;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/me}: who the gateway takes the caller to be. */
@RestController
public class MeController {

    /**
     * @param name the user name
     * @param roles ADMIN, OFFICER, AUDITOR, VIEWER
     * @param unitId the caller's unit, or null
     */
    public record MeResponse(String name, List<Role> roles, String unitId) {}

    @GetMapping("/api/me")
    @Operation(summary = "The signed-in caller: name, roles and unit")
    public Mono<MeResponse> me(@AuthenticationPrincipal Caller caller) {
        return Mono.just(new MeResponse(caller.name(), caller.roles(), caller.unitId()));
    }
}
