package org.giaoban.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.giaoban.identity.Caller;
import org.giaoban.platform.problem.FieldError;
import org.giaoban.platform.problem.ProblemResponses;
import org.giaoban.platform.problem.StoreOutages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on POST: the first request with a key runs and its successful answer is kept; a repeat with
 * the same method, path and body gets that answer again ({@code Idempotency-Replayed: true}) and changes nothing; the
 * same key with another request is {@code 409}, and so is a repeat while the first is still running. A refused or
 * failed request keeps nothing, so the caller can correct it and retry under the same key.
 *
 * <p>Keys belong to the caller who sent them (API.md): the record is kept under a hash of the caller's name and the
 * key, so another caller's use of the same key is a request of its own and can neither take a key first nor read the
 * answer. Records expire ({@link IdempotencyRecords}); an answer longer than {@code largestAnswer} characters is not
 * kept, and a repeat of it is {@code 409} rather than run again.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String KEY_HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotency-Replayed";

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

    /** A class list's answer names at most 10,000 refused rows; anything larger is not worth keeping for a repeat. */
    public static final int DEFAULT_LARGEST_ANSWER = 1_000_000;

    private final IdempotencyRecords records;
    private final ObjectMapper json;
    private final int largestAnswer;

    public IdempotencyFilter(IdempotencyRecords records, ObjectMapper json) {
        this(records, json, DEFAULT_LARGEST_ANSWER);
    }

    public IdempotencyFilter(IdempotencyRecords records, ObjectMapper json, int largestAnswer) {
        this.records = records;
        this.json = json;
        this.largestAnswer = largestAnswer;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(KEY_HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(KEY_HEADER);
        if (!VALID_KEY.matcher(key).matches()) {
            writeProblem(
                    response,
                    ProblemResponses.invalid(
                            List.of(new FieldError(KEY_HEADER, "must be 1 to 200 visible ASCII characters"))));
            return;
        }
        CachedBodyRequest cached = new CachedBodyRequest(request);
        String caller = callerOf(request);
        String requestHash =
                hash(caller, request.getMethod(), request.getRequestURI(), request.getQueryString(), cached.body);
        String storedKey = callersKey(caller, key);

        try {
            if (!records.claim(storedKey, requestHash)) {
                answerRepeat(storedKey, requestHash, response);
                return;
            }
        } catch (RuntimeException failure) {
            if (!StoreOutages.isOutage(failure)) {
                throw failure;
            }
            ProblemResponses.writeStoreUnavailable(response, failure, json);
            return;
        }
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        boolean succeeded = false;
        try {
            chain.doFilter(cached, captured);
            succeeded = captured.getStatus() >= 200 && captured.getStatus() < 300;
        } finally {
            settle(storedKey, succeeded, captured);
            captured.copyBodyToResponse();
        }
    }

    /**
     * Keeps a successful answer under the key, or frees the key of a refused or failed request. When the store went
     * away meanwhile, the request's own answer still stands and the key stays claimed: a repeat is then refused as
     * still running, which is safer than running a write that may have been stored.
     */
    private void settle(String key, boolean succeeded, ContentCachingResponseWrapper captured) {
        try {
            if (succeeded) {
                String body = new String(captured.getContentAsByteArray(), StandardCharsets.UTF_8);
                records.answer(
                        key,
                        captured.getStatus(),
                        captured.getContentType(),
                        captured.getHeader(HttpHeaders.LOCATION),
                        body.length() > largestAnswer ? null : body);
            } else {
                records.release(key);
            }
        } catch (RuntimeException failure) {
            if (!StoreOutages.isOutage(failure)) {
                throw failure;
            }
            log.warn(
                    "Store unavailable, the Idempotency-Key of request {} stays claimed: {}",
                    MDC.get(RequestMetadata.REQUEST_ID),
                    StoreOutages.describe(failure));
        }
    }

    private void answerRepeat(String key, String requestHash, HttpServletResponse response) throws IOException {
        IdempotencyRecords.Entry first = records.find(key).orElse(null);
        if (first == null) {
            writeProblem(response, conflict("The first request with this Idempotency-Key has just failed; retry."));
        } else if (!first.requestHash().equals(requestHash)) {
            writeProblem(
                    response,
                    conflict("This Idempotency-Key was already used for a different request; use a new key."));
        } else if (!first.answered()) {
            writeProblem(response, conflict("The first request with this Idempotency-Key is still running; retry."));
        } else if (first.answerNotKept()) {
            writeProblem(
                    response,
                    conflict("The request with this Idempotency-Key was carried out (status " + first.status()
                            + "), but its answer was too large to keep; read the result rather than repeat it."));
        } else {
            response.setStatus(first.status());
            response.setHeader(REPLAYED_HEADER, "true");
            if (first.location() != null) {
                response.setHeader(HttpHeaders.LOCATION, first.location());
            }
            if (first.contentType() != null) {
                response.setContentType(first.contentType());
            }
            if (first.body() != null) {
                response.getOutputStream().write(first.body().getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static ProblemDetail conflict(String detail) {
        return ProblemResponses.problem(
                HttpStatus.CONFLICT, "idempotency-key-conflict", "Idempotency-Key conflict", detail);
    }

    private void writeProblem(HttpServletResponse response, ProblemDetail problem) throws IOException {
        ProblemResponses.write(response, problem, json);
    }

    /**
     * The caller is part of what a key stands for: another caller's request with the same key and body is a different
     * request, refused as such, and never answered with the first caller's result.
     */
    private static String callerOf(HttpServletRequest request) {
        return RequestMetadata.of(request)
                .map(RequestMetadata::caller)
                .map(Caller::name)
                .orElse("");
    }

    /** The key as stored: the caller's own, under a hash, so that neither name nor key need be kept as sent. */
    private static String callersKey(String caller, String key) {
        return sha256Hex((caller + '\n' + key).getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String hash(String caller, String method, String path, String query, byte[] body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((caller + '\n').getBytes(StandardCharsets.UTF_8));
            sha256.update(
                    (method + ' ' + path + '?' + (query == null ? "" : query) + '\n').getBytes(StandardCharsets.UTF_8));
            sha256.update(body);
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The request with its body read once, so that it can be hashed and then handled. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request) throws IOException {
            super(request);
            this.body = request.getInputStream().readAllBytes();
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("The body is already read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
