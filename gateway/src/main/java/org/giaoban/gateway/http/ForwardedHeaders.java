package org.giaoban.gateway.http;

import java.net.InetSocketAddress;
import java.net.URI;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells a service the address the caller used ({@code X-Forwarded-Proto}, {@code -Host}, {@code -Port}) and the
 * caller's address ({@code X-Forwarded-For}), so that a service's OpenAPI document names the gateway as its server.
 *
 * <p>Spring Cloud Gateway adds these only when {@code spring.cloud.gateway.server.webflux.trusted-proxies} is set, and
 * otherwise strips them. This filter runs after it and fills in what is missing from the gateway's own view of the
 * request: with trusted proxies configured, their values stand. Behind a reverse proxy, set
 * {@code server.forward-headers-strategy=native} so that the gateway's own view is the proxy's public address.
 */
public class ForwardedHeaders implements HttpHeadersFilter, Ordered {

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.REQUEST;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(input);
        URI uri = exchange.getRequest().getURI();
        String scheme = uri.getScheme() != null ? uri.getScheme() : "http";
        int port = uri.getPort() >= 0 ? uri.getPort() : ("https".equals(scheme) ? 443 : 80);
        String host = uri.getHost();
        if (host != null && host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        setIfMissing(headers, "X-Forwarded-Proto", scheme);
        if (host != null) {
            setIfMissing(headers, "X-Forwarded-Host", uri.getPort() >= 0 ? host + ":" + port : host);
        }
        setIfMissing(headers, "X-Forwarded-Port", Integer.toString(port));
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote != null && remote.getAddress() != null) {
            setIfMissing(headers, "X-Forwarded-For", remote.getAddress().getHostAddress());
        }
        return headers;
    }

    private static void setIfMissing(HttpHeaders headers, String name, String value) {
        if (!headers.containsKey(name)) {
            headers.set(name, value);
        }
    }
}
