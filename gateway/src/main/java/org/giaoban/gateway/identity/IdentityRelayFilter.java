package org.giaoban.gateway.identity;

import org.giaoban.gateway.security.CallerAuthentication;
import org.giaoban.identity.IdentityHeader;
import org.giaoban.identity.IdentityTokens;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * On every routed request: drops any {@value IdentityHeader#NAME} the caller sent (nobody but the gateway may speak for
 * a caller) and, when somebody is signed in, adds a fresh token for them, meant for the route's service alone. The
 * caller's own credentials ({@code Authorization}: a password, a bearer token; {@code Cookie}: the dashboard's session)
 * stop here: the services need only the identity.
 */
public class IdentityRelayFilter implements GlobalFilter, Ordered {

    private final IdentityTokens tokens;

    public IdentityRelayFilter(IdentityTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(CallerAuthentication.class::isInstance)
                .map(authentication ->
                        tokens.issue(((CallerAuthentication) authentication).caller(), service(exchange)))
                .map(token -> withHeader(exchange, token))
                .defaultIfEmpty(withHeader(exchange, null))
                .flatMap(chain::filter);
    }

    /** The service the request is routed to, as its route's metadata names it; the token is for it alone. */
    private static String service(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        Object service = route == null ? null : route.getMetadata().get("service");
        return service == null ? null : service.toString();
    }

    private static ServerWebExchange withHeader(ServerWebExchange exchange, String token) {
        ServerHttpRequest request = exchange.getRequest()
                .mutate()
                .headers(headers -> {
                    headers.remove(IdentityHeader.NAME);
                    headers.remove(HttpHeaders.AUTHORIZATION);
                    headers.remove(HttpHeaders.COOKIE);
                    if (token != null) {
                        headers.set(IdentityHeader.NAME, token);
                    }
                })
                .build();
        return exchange.mutate().request(request).build();
    }
}
