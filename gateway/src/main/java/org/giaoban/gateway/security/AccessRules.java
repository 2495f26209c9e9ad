package org.giaoban.gateway.security;

import java.util.Optional;
import org.giaoban.identity.Caller;
import org.giaoban.identity.RoleRules;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import reactor.core.publisher.Mono;

/**
 * The gateway's coarse checks: the {@link RoleRules} of the suite, which the services apply again; the services also
 * enforce the finer ones (which units an officer may write for). The paths come after Spring Security's firewall, which
 * refuses encoded slashes, {@code ..} and the like, and are judged decoded, as the routes see them.
 */
public class AccessRules implements ReactiveAuthorizationManager<AuthorizationContext> {

    /** Why the caller may not do this, or empty when it may. */
    public static Optional<String> refusal(Caller caller, HttpMethod method, String path) {
        return RoleRules.refusal(caller, method.name(), path);
    }

    /**
     * The path as the routes match it: each segment percent-decoded, without path parameters. The raw path would let
     * {@code /api/%61dmin/projections} pass as a path outside {@code /api/admin} while its route takes it there.
     */
    public static String decodedPath(RequestPath path) {
        StringBuilder decoded = new StringBuilder();
        for (PathContainer.Element element : path.pathWithinApplication().elements()) {
            decoded.append(
                    element instanceof PathContainer.PathSegment segment ? segment.valueToMatch() : element.value());
        }
        return decoded.toString();
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
                                decodedPath(request.getPath()))
                        .isEmpty()))
                .defaultIfEmpty(new AuthorizationDecision(false));
    }
}
