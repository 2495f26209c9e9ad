package org.giaoban.gateway.http;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The dashboard's own files ({@code /}, {@code /index.html}, {@code /dashboard/**}) go out with a Content-Security-Policy
 * that lets the page load scripts, styles and images from the gateway alone and call nothing but the gateway: a script
 * slipped into the page could neither run inline nor send what it read elsewhere. Spring Security adds the other
 * headers (no framing, no sniffing, no caching of signed-in answers) to every answer.
 */
public class DashboardPolicyFilter implements WebFilter {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String path = request.getPath().pathWithinApplication().value();
        if (path.equals("/") || path.equals("/index.html") || path.startsWith("/dashboard/")) {
            exchange.getResponse().getHeaders().set("Content-Security-Policy", POLICY);
        }
        return chain.filter(exchange);
    }
}
