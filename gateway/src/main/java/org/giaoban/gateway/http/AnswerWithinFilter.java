package org.giaoban.gateway.http;

import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.giaoban.identity.AnswerWithin;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Tells the service of each routed request how long the gateway will wait for its answer ({@link AnswerWithin}): the
 * time limit of the route's circuit breaker, named as its service. What a caller sent under that name is dropped.
 */
public class AnswerWithinFilter implements GlobalFilter, Ordered {

    private final TimeLimiterRegistry timeLimiters;

    public AnswerWithinFilter(TimeLimiterRegistry timeLimiters) {
        this.timeLimiters = timeLimiters;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        Object service = route == null ? null : route.getMetadata().get("service");
        String wait = service == null
                ? null
                : AnswerWithin.format(timeLimiters
                        .timeLimiter(service.toString())
                        .getTimeLimiterConfig()
                        .getTimeoutDuration());
        return chain.filter(exchange.mutate()
                .request(exchange.getRequest()
                        .mutate()
                        .headers(headers -> {
                            headers.remove(AnswerWithin.NAME);
                            if (wait != null) {
                                headers.set(AnswerWithin.NAME, wait);
                            }
                        })
                        .build())
                .build());
    }
}
