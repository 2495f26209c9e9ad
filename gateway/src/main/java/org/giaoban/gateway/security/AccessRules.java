package org.giaoban.gateway.security;

import java.util.Optional;
import org.giaoban.identity.Caller;
import org.giaoban.identity.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import reactor.core.publisher.Mono;

/**
 * The gateway's coarse checks, in one place; the services enforce the finer ones (which units an officer may write
 * for).
 *
 * <ul>
 *   <li>{@code /api/admin/**}: ADMIN only.
 *   <li>{@code /api/audit/**}: ADMIN, or AUDITOR for reads.
 *   <li>Reads (GET, HEAD) elsewhere: any role.
 *   <li>Writes (any other method): ADMIN or OFFICER. VIEWER and AUDITOR only read.
 * </ul>
 *
 * The paths come after Spring Security's firewall, which refuses encoded slashes, {@code ..} and the like.
 */
public class AccessRules implements ReactiveAuthorizationManager<AuthorizationContext> {

    /** Why the caller may not do this, or empty when it may. */
    public static Optional<String> refusal(Caller caller, HttpMethod method, String path) {
        boolean read = HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
        if (caller.has(Role.ADMIN)) {
            return Optional.empty();
        }
        if (under(path, "/api/admin")) {
            return Optional.of("Only an ADMIN may use " + path + ".");
        }
        if (under(path, "/api/audit")) {
            return caller.has(Role.AUDITOR) && read
                    ? Optional.empty()
                    : Optional.of("Only an AUDITOR or an ADMIN may read " + path + ".");
        }
        if (read) {
            return Optional.empty();
        }
        return caller.has(Role.OFFICER)
                ? Optional.empty()
                : Optional.of("A "
                        + String.join(
                                " or ", caller.roles().stream().map(Role::name).toList())
                        + " may only read (GET, HEAD); " + method + " needs an OFFICER or an ADMIN.");
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    @Override
    @SuppressWarnings("deprecation")
    public Mono<AuthorizationDecision> check(Mono<Authentication> authentication, AuthorizationContext context) {
        var request = context.getExchange().getRequest();
        return authentication
                .filter(Authentication::isAuthenticated)
                .filter(CallerAuthentication.class::isInstance)
                .map(a -> new AuthorizationDecision(refusal(
                                ((CallerAuthentication) a).caller(),
                                request.getMethod(),
                                request.getPath().pathWithinApplication().value())
                        .isEmpty()))
                .defaultIfEmpty(new AuthorizationDecision(false));
    }
}
