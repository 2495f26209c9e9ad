package org.giaoban.gateway.http;

import java.net.InetSocketAddress;
import org.springframework.web.server.ServerWebExchange;

/**
 * The address a request came from, as the gateway sees it: behind a trusted proxy, the proxy's forwarded client
 * address (see {@link ForwardedHeaders}).
 */
public final class ClientAddress {

    private ClientAddress() {}

    public static String of(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
