package org.giaoban.gateway.security;

import org.giaoban.gateway.problem.ProblemWriter;
import org.giaoban.gateway.problem.Problems;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** 403 problem+json saying which rule of {@link AccessRules} refused the request. */
public class ProblemAccessDeniedHandler implements ServerAccessDeniedHandler {

    private final ProblemWriter problems;

    public ProblemAccessDeniedHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        ServerHttpRequest request = exchange.getRequest();
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(CallerAuthentication.class::isInstance)
                .flatMap(a -> Mono.justOrEmpty(AccessRules.refusal(
                        ((CallerAuthentication) a).caller(),
                        request.getMethod(),
                        request.getPath().pathWithinApplication().value())))
                .defaultIfEmpty("You may not do this.")
                .flatMap(detail -> problems.write(exchange, Problems.forbidden(detail)));
    }
}
