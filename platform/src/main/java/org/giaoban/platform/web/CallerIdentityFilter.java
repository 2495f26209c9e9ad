package org.giaoban.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.giaoban.identity.Caller;
import org.giaoban.identity.IdentityHeader;
import org.giaoban.identity.IdentityTokens;
import org.giaoban.identity.InvalidIdentityException;
import org.giaoban.identity.RoleRules;
import org.giaoban.platform.problem.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets an API request in only with the caller the gateway vouched for: a valid {@value IdentityHeader#NAME} token
 * ({@code 401} without one, so a request that went round the gateway gets nothing), and only for what the caller's
 * roles allow by path and method ({@code 403}, the {@link RoleRules} the gateway applies too). The finer rule, an
 * officer's own unit, needs the record's unit and is checked where the command is handled.
 */
public class CallerIdentityFilter extends OncePerRequestFilter {

    public static final String ACTOR_LOG_KEY = "actor";

    private static final Logger log = LoggerFactory.getLogger(CallerIdentityFilter.class);

    private final IdentityTokens tokens;
    private final ObjectMapper json;

    public CallerIdentityFilter(IdentityTokens tokens, ObjectMapper json) {
        this.tokens = tokens;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = request.getHeader(IdentityHeader.NAME);
        if (token == null) {
            refuse(
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "identity-required",
                    "Sign in required",
                    "This service answers only requests that come through the gateway, which signs the caller in.");
            return;
        }
        Caller caller;
        try {
            caller = tokens.verify(token);
        } catch (InvalidIdentityException invalid) {
            // Only the start of the path: the rest may name a person (a learner's id in a withdrawal's path).
            log.warn(
                    "Refused {} {}...: {}", request.getMethod(), areaOf(request.getRequestURI()), invalid.getMessage());
            refuse(response, HttpStatus.UNAUTHORIZED, "identity-invalid", "Sign in required", invalid.getMessage());
            return;
        }
        Optional<String> refusal = RoleRules.refusal(caller, request.getMethod(), pathOf(request));
        if (refusal.isPresent()) {
            refuse(response, HttpStatus.FORBIDDEN, "forbidden", "Not allowed", refusal.get());
            return;
        }
        RequestMetadata.of(request)
                .orElseGet(() -> new RequestMetadata(null, null, null))
                .withCaller(caller)
                .bindTo(request);
        MDC.put(ACTOR_LOG_KEY, caller.name());
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(ACTOR_LOG_KEY);
        }
    }

    /** The decoded, normalised path the application maps, so that {@code /api/./admin} is {@code /api/admin}. */
    private static String pathOf(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return request.getServletPath() + (pathInfo == null ? "" : pathInfo);
    }

    private void refuse(HttpServletResponse response, HttpStatus status, String type, String title, String detail)
            throws IOException {
        ProblemResponses.write(response, ProblemResponses.problem(status, type, title, detail), json);
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
}
