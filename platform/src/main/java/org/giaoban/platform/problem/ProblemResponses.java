package org.giaoban.platform.problem;

import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.messaging.timeout.AxonTimeoutException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.giaoban.platform.web.RequestMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every refusal into {@code application/problem+json} (RFC 9457) with the status API.md gives it. Invalid
 * fields are listed in {@code errors}; a rule of the domain names itself in {@code type}. Nothing internal (stack
 * traces, SQL) ever reaches the caller.
 */
@RestControllerAdvice
public class ProblemResponses extends ResponseEntityExceptionHandler {

    public static final String TYPE_PREFIX = "urn:giaoban:problem:";

    /** How long a caller is asked to wait when a store is away: a restart or a fail-over takes seconds. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
    private static final URI BLANK_TYPE = URI.create("about:blank");
    private static final int SHOWN_LENGTH = 40;

    public static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + type));
        problem.setTitle(title);
        return problem;
    }

    /** Answers a problem from a servlet filter, where no controller advice runs. */
    public static void write(HttpServletResponse response, ProblemDetail problem, ObjectMapper json)
            throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    public static ProblemDetail invalid(List<FieldError> errors) {
        ProblemDetail problem = problem(
                HttpStatus.BAD_REQUEST,
                "invalid-request",
                "Invalid request",
                errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler(DomainRuleViolation.class)
    ProblemDetail onDomainRule(DomainRuleViolation refusal) {
        return problem(HttpStatus.CONFLICT, refusal.rule(), "Refused by a rule of the domain", refusal.getMessage());
    }

    @ExceptionHandler(NotAllowedException.class)
    ProblemDetail onNotAllowed(NotAllowedException refusal) {
        return problem(HttpStatus.FORBIDDEN, refusal.reason(), "Not allowed", refusal.getMessage());
    }

    @ExceptionHandler(InvalidFieldException.class)
    ProblemDetail onInvalidField(InvalidFieldException invalid) {
        return invalid(List.of(new FieldError(invalid.field(), invalid.getMessage())));
    }

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail onInvalidRequest(InvalidRequestException invalid) {
        return invalid(invalid.errors());
    }

    @ExceptionHandler(BatchTooLargeException.class)
    ProblemDetail onBatchTooLarge(BatchTooLargeException tooLarge) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "batch-too-large", "Batch too large", tooLarge.getMessage());
    }

    @ExceptionHandler(ServiceBusyException.class)
    ResponseEntity<ProblemDetail> onBusy(ServiceBusyException busy) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()))
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "busy", "Service busy", busy.getMessage()));
    }

    @ExceptionHandler(org.springframework.dao.DuplicateKeyException.class)
    ProblemDetail onDuplicateKey(org.springframework.dao.DuplicateKeyException duplicate) {
        return problem(
                HttpStatus.CONFLICT,
                "concurrent-change",
                "Changed concurrently",
                "Another request recorded the same thing at the same moment; nothing was changed. Try again.");
    }

    @ExceptionHandler(ResourceNotFoundException.class)
    ProblemDetail onNotFound(ResourceNotFoundException missing) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", missing.getMessage());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail onAggregateNotFound(AggregateNotFoundException missing) {
        return problem(
                HttpStatus.NOT_FOUND,
                "not-found",
                "Not found",
                "No record has the id " + missing.getAggregateIdentifier());
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ProblemDetail onStaleVersion(ConflictingAggregateVersionException stale) {
        return problem(
                HttpStatus.PRECONDITION_FAILED,
                "stale-version",
                "Changed since you read it",
                "The record is at version " + stale.getActualVersion() + ", not at the version in If-Match ("
                        + stale.getExpectedVersion() + "); read it again before changing it.");
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail onConcurrentChange(ConcurrencyException conflict) {
        return problem(
                HttpStatus.CONFLICT,
                "concurrent-change",
                "Changed concurrently",
                "Another request changed the record at the same moment; try again.");
    }

    /**
     * Everything not answered above, including a store that cannot be reached: that failure arrives wrapped in
     * whatever sat between the controller and the driver (Axon's gateway, the event store, a transaction, a query's
     * future), so it is recognised by its causes here rather than by type in a handler of its own.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> onUnexpected(Exception failure) {
        if (StoreOutages.isOutage(failure)) {
            return storeUnavailable(failure);
        }
        if (tookTooLong(failure)) {
            // Axon interrupted the handler at its time limit and rolled its unit of work back: nothing was stored.
            log.warn(
                    "Request {} answered 503: its handler passed Axon's time limit",
                    MDC.get(RequestMetadata.REQUEST_ID));
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()))
                    .body(problem(
                            HttpStatus.SERVICE_UNAVAILABLE,
                            "busy",
                            "Service busy",
                            "The service could not carry out the request in time and stored nothing of it."
                                    + " Try again later."));
        }
        log.error("Unexpected failure", failure);
        return ResponseEntity.internalServerError()
                .body(problem(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "internal-error",
                        "Internal error",
                        "The request failed on the server; see the log under the request id."));
    }

    private static boolean tookTooLong(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AxonTimeoutException) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }

    /**
     * {@code 503} with {@code Retry-After} for a store that cannot be reached (see {@link StoreOutages}), and one line
     * in the log for the operator: the request id and the chain of causes, never a statement, a value or a trace.
     */
    public static ResponseEntity<ProblemDetail> storeUnavailable(Throwable failure) {
        log.warn(
                "Store unavailable, request {} answered 503: {}",
                MDC.get(RequestMetadata.REQUEST_ID),
                StoreOutages.describe(failure));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()))
                .body(problem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "store-unavailable",
                        "Store unavailable",
                        "The service cannot reach its data store just now and did not carry out the request."
                                + " Try again later."));
    }

    /** {@link #storeUnavailable} from a servlet filter, where no controller advice runs. */
    public static void writeStoreUnavailable(HttpServletResponse response, Throwable failure, ObjectMapper json)
            throws IOException {
        ResponseEntity<ProblemDetail> answer = storeUnavailable(failure);
        answer.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        write(response, answer.getBody(), json);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException invalid, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(invalid(fieldErrorsOf(invalid.getBindingResult())));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException invalid, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = invalid.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldError(result.getMethodParameter().getParameterName(), messageOf(error))))
                .toList();
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException unreadable,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        if (unreadable.getCause() instanceof JsonMappingException mapping
                && !mapping.getPath().isEmpty()
                && isAboutOneField(mapping)) {
            return ResponseEntity.badRequest()
                    .body(invalid(List.of(new FieldError(pathOf(mapping), messageOf(mapping)))));
        }
        return ResponseEntity.badRequest()
                .body(problem(
                        HttpStatus.BAD_REQUEST,
                        "malformed-request",
                        "Malformed request",
                        "The request body is not readable JSON of the expected shape."));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail onParameterType(MethodArgumentTypeMismatchException mismatch) {
        return invalid(List.of(new FieldError(
                mismatch.getName(), shown(mismatch.getValue()) + " " + expected(mismatch.getRequiredType()))));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ProblemDetail onMissingHeader(MissingRequestHeaderException missing) {
        return invalid(List.of(new FieldError(missing.getHeaderName(), "header is required")));
    }

    /**
     * Spring MVC's own refusals (415 not JSON, 405, 406, a missing parameter...) come as problems of type
     * {@code about:blank}; they get a type of ours like every other refusal, named after their status.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception failure, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> answer = super.handleExceptionInternal(failure, body, headers, status, request);
        if (answer != null
                && answer.getBody() instanceof ProblemDetail problem
                && BLANK_TYPE.equals(problem.getType())) {
            HttpStatus known = HttpStatus.resolve(status.value());
            String name = known == null
                    ? "http-" + status.value()
                    : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
            problem.setType(URI.create(TYPE_PREFIX + name));
        }
        return answer;
    }

    /**
     * A value the caller sent, as a problem repeats it: quoted, cut after {@value #SHOWN_LENGTH} characters, control
     * characters as {@code ?}, so that an answer never grows with the input or carries what a terminal would obey.
     */
    static String shown(Object value) {
        String text = String.valueOf(value);
        StringBuilder shown = new StringBuilder("'");
        text.codePoints().limit(SHOWN_LENGTH).forEach(c -> shown.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        if (text.codePointCount(0, text.length()) > SHOWN_LENGTH) {
            shown.append('…');
        }
        return shown.append('\'').toString();
    }

    /** What a value of the type looks like, in words a front-end can show. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type.isEnum()) {
            return "must be one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(Object::toString)
                            .collect(Collectors.joining(", "));
        }
        if (LocalDate.class.equals(type)) {
            return "must be a date such as 2022-09-08";
        }
        if (Instant.class.equals(type)) {
            return "must be an instant such as 2022-10-06T01:30:00Z";
        }
        if (UUID.class.equals(type)) {
            return "must be a UUID";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "must be a number";
        }
        return "must be a " + type.getSimpleName();
    }

    private static List<FieldError> fieldErrorsOf(BindingResult result) {
        return result.getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), messageOf(error)))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
    }

    private static String messageOf(MessageSourceResolvable error) {
        return error.getDefaultMessage() != null ? error.getDefaultMessage() : "is invalid";
    }

    /** A value that was read and refused, rather than a body that is not JSON (which fails within some field too). */
    private static boolean isAboutOneField(JsonMappingException mapping) {
        return mapping instanceof MismatchedInputException
                || mapping.getCause() instanceof InputCoercionException
                || mapping.getCause() instanceof StreamConstraintsException;
    }

    /** Why a field of the body could not be read, in words a front-end can show. */
    private static String messageOf(JsonMappingException mapping) {
        if (mapping instanceof RefusedValueException refused) {
            return refused.reason();
        }
        if (mapping instanceof InvalidFormatException format) {
            return shown(format.getValue()) + " is not a valid "
                    + format.getTargetType().getSimpleName();
        }
        if (mapping.getCause() instanceof InputCoercionException outOfRange) {
            return "is out of range for a " + outOfRange.getTargetType().getSimpleName();
        }
        if (mapping.getCause() instanceof StreamConstraintsException) {
            return "is longer than a request may hold";
        }
        return "has the wrong type";
    }

    private static String pathOf(JsonMappingException mapping) {
        return mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }
}
