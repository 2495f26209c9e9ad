package org.giaoban.gateway.http;

import java.time.Duration;
import java.util.List;
import org.giaoban.gateway.problem.ProblemWriter;
import org.giaoban.gateway.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * CORS for browser front-ends on other origins: the origins of {@code giaoban.gateway.cors.allowed-origins} (none by
 * default) may call with GET, HEAD, POST, PUT and DELETE and the headers the API uses, and read the headers it answers
 * with. A preflight is answered here, before sign-in (browsers send it without credentials); a cross-origin request
 * from any other origin is refused with 403 problem+json. Requests without {@code Origin}, or from the gateway's own
 * origin, are not CORS and pass untouched.
 */
public class CorsFilter implements WebFilter, Ordered {

    /** Before Spring Security's chain (-100), after the correlation ids. */
    public static final int ORDER = -200;

    private final CorsConfiguration configuration;
    private final DefaultCorsProcessor processor = new DefaultCorsProcessor();
    private final ProblemWriter problems;

    public CorsFilter(List<String> allowedOrigins, ProblemWriter problems) {
        this.problems = problems;
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(List.copyOf(allowedOrigins));
        cors.setAllowedMethods(List.of(
                HttpMethod.GET.name(),
                HttpMethod.HEAD.name(),
                HttpMethod.POST.name(),
                HttpMethod.PUT.name(),
                HttpMethod.DELETE.name()));
        cors.setAllowedHeaders(List.of(
                HttpHeaders.AUTHORIZATION,
                HttpHeaders.CONTENT_TYPE,
                HttpHeaders.ACCEPT,
                HttpHeaders.ACCEPT_LANGUAGE,
                HttpHeaders.IF_MATCH,
                "Idempotency-Key",
                CorrelationIdFilter.REQUEST_ID,
                CorrelationIdFilter.CORRELATION_ID));
        cors.setExposedHeaders(List.of(
                HttpHeaders.LOCATION,
                HttpHeaders.ETAG,
                HttpHeaders.RETRY_AFTER,
                HttpHeaders.CONTENT_DISPOSITION,
                CorrelationIdFilter.REQUEST_ID,
                CorrelationIdFilter.CORRELATION_ID));
        cors.setAllowCredentials(false);
        cors.setMaxAge(Duration.ofMinutes(30));
        this.configuration = cors;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!CorsUtils.isCorsRequest(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        if (!processor.process(configuration, exchange)) {
            String origin = exchange.getRequest().getHeaders().getOrigin();
            return problems.write(exchange, Problems.corsRefused(origin));
        }
        if (CorsUtils.isPreFlightRequest(exchange.getRequest())) {
            return Mono.empty();
        }
        return chain.filter(exchange);
    }
}
