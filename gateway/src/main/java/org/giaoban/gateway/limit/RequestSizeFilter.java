package org.giaoban.gateway.limit;

import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.giaoban.gateway.problem.ProblemWriter;
import org.giaoban.gateway.problem.Problems;
import org.giaoban.gateway.security.AccessRules;
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
 * Refuses a body larger than its route needs with 413: {@code giaoban.gateway.max-batch-request-bytes} for the two
 * batches (a class list, contest entries: up to 10,000 rows), {@code giaoban.gateway.max-request-bytes} for any other
 * request, each of which carries one record. A declared {@code Content-Length} over
 * the limit is refused before anything is sent on; a body without one (chunked) is counted as it streams, and the
 * request is cut off, and answered 413, at the first byte over the limit: the service then sees an incomplete request,
 * which it cannot act on.
 */
public class RequestSizeFilter implements WebFilter {

    /** The paths that take a batch: {@code /api/classes/{id}/enrolments/batch}, {@code /api/contests/{id}/entries/batch}. */
    private static final Pattern BATCH =
            Pattern.compile("/api/(classes/[^/]+/enrolments|contests/[^/]+/entries)/batch");

    private final DataSize recordLimit;
    private final DataSize batchLimit;
    private final ProblemWriter problems;

    public RequestSizeFilter(DataSize recordLimit, DataSize batchLimit, ProblemWriter problems) {
        this.recordLimit = recordLimit;
        this.batchLimit = batchLimit;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        DataSize limit =
                BATCH.matcher(AccessRules.decodedPath(request.getPath())).matches() ? batchLimit : recordLimit;
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
