package org.giaoban.gateway.limit;

import org.giaoban.gateway.http.ClientAddress;
import org.giaoban.gateway.problem.ProblemWriter;
import org.giaoban.gateway.problem.Problems;
import org.giaoban.gateway.security.CallerAuthentication;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a caller's request with 429 and {@code Retry-After} when its allowance is used up. Runs inside the security
 * chain after sign-in, so a signed-in caller is counted by user name wherever it calls from, and anybody else by the
 * client address. Health checks are not counted.
 */
public class RateLimitFilter implements WebFilter {

    private final CallerRateLimiter limiter;
    private final ProblemWriter problems;

    public RateLimitFilter(CallerRateLimiter limiter, ProblemWriter problems) {
        this.limiter = limiter;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/actuator/")) {
            return chain.filter(exchange);
        }
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(CallerAuthentication.class::isInstance)
                .map(authentication -> "user:" + authentication.getName())
                .defaultIfEmpty("address:" + ClientAddress.of(exchange))
                .flatMap(limiter::tryAcquire)
                .flatMap(decision -> {
                    if (decision.allowed()) {
                        return chain.filter(exchange);
                    }
                    long seconds = decision.retryAfterSeconds();
                    exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                    return problems.write(exchange, Problems.rateLimited(seconds));
                });
    }
}
