package org.giaoban.gateway.problem;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.util.concurrent.TimeoutException;
import org.giaoban.gateway.limit.RequestBodyTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.reactive.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The last word on every error that reaches WebFlux: an unknown route is 404, a body over the limit 413, and any
 * failure while a request is on its way to a service (refused connection, no answer within the time limit, an open
 * circuit) is 503 naming the service. Runs before Spring Boot's own handler, which would answer in its own JSON shape.
 *
 * <p>The routes' circuit breakers have no fallback URI on purpose: with one, Spring Cloud Gateway keeps a copy of every
 * request body in memory so that it could replay it to the fallback, and class lists can be 20 MB.
 */
@Component
@Order(-2)
public class ProblemErrorHandler implements ErrorWebExceptionHandler {

    /** The route metadata key naming the service behind a route. */
    public static final String SERVICE_METADATA = "service";

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

    private final ProblemWriter problems;

    public ProblemErrorHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        exchange.getResponse().getHeaders().clearContentHeaders();
        return problems.write(exchange, problemFor(exchange, error));
    }

    Problem problemFor(ServerWebExchange exchange, Throwable error) {
        RequestBodyTooLargeException tooLarge = find(error, RequestBodyTooLargeException.class);
        if (tooLarge != null) {
            return Problems.bodyTooLarge(tooLarge);
        }
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route != null) {
            return serviceUnavailable(route, error);
        }
        if (error instanceof ResponseStatusException status) {
            return fromStatus(exchange, status);
        }
        // Only the start of the path: the rest may name a person (a learner's id in a withdrawal's path).
        log.error(
                "Unexpected error on {} {}...",
                exchange.getRequest().getMethod(),
                areaOf(exchange.getRequest().getPath().value()),
                error);
        return Problem.of(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error",
                "Internal error",
                "The gateway failed to handle the request; it has been logged.");
    }

    /** The first two segments of a path, such as {@code /api/classes}. */
    static String areaOf(String path) {
        int end = -1;
        for (int segments = 0; segments < 3; segments++) {
            end = path.indexOf('/', end + 1);
            if (end < 0) {
                return path;
            }
        }
        return path.substring(0, end);
    }

    private static Problem serviceUnavailable(Route route, Throwable error) {
        String service = String.valueOf(route.getMetadata().getOrDefault(SERVICE_METADATA, route.getId()));
        String detail;
        if (find(error, TimeoutException.class) != null) {
            detail = service + " did not answer in time.";
        } else if (find(error, CallNotPermittedException.class) != null
                || find(error, ServiceUnavailableException.class) != null) {
            detail = service + " has been failing; the gateway holds requests to it back for a few seconds.";
        } else {
            detail = service + " cannot be reached.";
            log.warn("{} cannot be reached: {}", service, error.toString());
        }
        return Problems.serviceUnavailable(service, detail);
    }

    private static Problem fromStatus(ServerWebExchange exchange, ResponseStatusException error) {
        HttpStatusCode code = error.getStatusCode();
        if (code.value() == HttpStatus.NOT_FOUND.value()) {
            return Problem.of(
                    HttpStatus.NOT_FOUND,
                    "not-found",
                    "Not found",
                    "Nothing answers at " + exchange.getRequest().getPath().value() + ".");
        }
        HttpStatus status = HttpStatus.resolve(code.value());
        if (status == null) {
            status = code.is4xxClientError() ? HttpStatus.BAD_REQUEST : HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String reason = error.getReason() != null ? error.getReason() : status.getReasonPhrase();
        return Problem.of(
                status, status.getReasonPhrase().toLowerCase().replace(' ', '-'), status.getReasonPhrase(), reason);
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
