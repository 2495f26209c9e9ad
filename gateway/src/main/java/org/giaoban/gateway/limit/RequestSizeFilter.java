package org.giaoban.gateway.limit;

import java.util.concurrent.atomic.AtomicLong;
import org.giaoban.gateway.problem.ProblemWriter;
import org.giaoban.gateway.problem.Problems;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses a body larger than {@code giaoban.gateway.max-request-bytes} with 413. A declared {@code Content-Length} over
 * the limit is refused before anything is sent on; a body without one (chunked) is counted as it streams, and the
 * request is cut off, and answered 413, at the first byte over the limit: the service then sees an incomplete request,
 * which it cannot act on.
 */
public class RequestSizeFilter implements WebFilter {

    private final DataSize limit;
    private final ProblemWriter problems;

    public RequestSizeFilter(DataSize limit, ProblemWriter problems) {
        this.limit = limit;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long declared = request.getHeaders().getContentLength();
        if (declared > limit.toBytes()) {
            return problems.write(exchange, Problems.bodyTooLarge(new RequestBodyTooLargeException(limit)));
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<org.springframework.core.io.buffer.DataBuffer> getBody() {
                AtomicLong total = new AtomicLong();
                return super.getBody().handle((buffer, sink) -> {
                    if (total.addAndGet(buffer.readableByteCount()) > limit.toBytes()) {
                        DataBufferUtils.release(buffer);
                        sink.error(new RequestBodyTooLargeException(limit));
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }
}
