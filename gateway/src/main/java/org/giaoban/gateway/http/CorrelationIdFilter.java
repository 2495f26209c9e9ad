package org.giaoban.gateway.http;

import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an {@code X-Request-Id} and an {@code X-Correlation-Id}: the caller's when they are sensible
 * (letters, digits and {@code ._:-}, at most 128), a new UUID for the request id otherwise, and the request id as the
 * correlation id when none came. Both go on to the service, which records them with every event, and come back in the
 * answer, whoever makes it (the service, or the gateway refusing the request). Runs first of all filters.
 */
public class CorrelationIdFilter implements WebFilter, Ordered {

    public static final String REQUEST_ID = "X-Request-Id";
    public static final String CORRELATION_ID = "X-Correlation-Id";
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders incoming = exchange.getRequest().getHeaders();
        String requestId =
                safeOr(incoming.getFirst(REQUEST_ID), UUID.randomUUID().toString());
        String correlationId = safeOr(incoming.getFirst(CORRELATION_ID), requestId);
        ServerHttpRequest request = exchange.getRequest()
                .mutate()
                .headers(headers -> {
                    headers.set(REQUEST_ID, requestId);
                    headers.set(CORRELATION_ID, correlationId);
                })
                .build();
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders answer = exchange.getResponse().getHeaders();
            answer.set(REQUEST_ID, requestId);
            answer.set(CORRELATION_ID, correlationId);
            return Mono.empty();
        });
        return chain.filter(exchange.mutate().request(request).build());
    }

    private static String safeOr(String candidate, String fallback) {
        return candidate != null && SAFE_ID.matcher(candidate).matches() ? candidate : fallback;
    }
}
