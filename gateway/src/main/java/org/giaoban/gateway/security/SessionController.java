package org.giaoban.gateway.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.giaoban.gateway.http.ClientAddress;
import org.giaoban.gateway.problem.Problem;
import org.giaoban.gateway.problem.Problems;
import org.giaoban.identity.Caller;
import org.giaoban.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestHandler;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * {@code /api/session}: the dashboard's sign-in and sign-out ({@link PageSessions}). The password is checked as HTTP
 * Basic's is, by {@link ConfiguredUsers}, under the same {@link SignInThrottle}: a name or address shut out is answered
 * 429 before its password is checked, and every wrong password counts.
 */
@RestController
@Tag(
        name = "Session",
        description = "The dashboard's sign-in, for a page in a browser: a session cookie (HttpOnly, SameSite=Strict)"
                + " and a CSRF token that every change signed in by the cookie must carry in X-CSRF-Token. API"
                + " clients sign in with HTTP Basic or a bearer token instead, and need neither.")
public class SessionController {

    /** The CSRF token of the visitor's session, and the header to send it in. */
    @Schema(description = "The session's CSRF token and the header to send it in")
    public record SessionToken(
            @Schema(description = "The header that carries the token", example = "X-CSRF-Token")
            String csrfHeader,

            @Schema(description = "The token, to send with the sign-in and every change signed in by the cookie")
            String csrfToken) {}

    /** What the page sends to sign in. */
    @Schema(description = "A gateway user's name and password")
    public record SignIn(
            @Schema(description = "The user name", example = "hoankiem")
            String name,

            @Schema(description = "The user's password", format = "password")
            String password) {}

    /** The signed-in caller, as {@code GET /api/me} says it, with the session's new CSRF token. */
    @Schema(description = "The signed-in caller and the session's new CSRF token")
    public record SignedIn(
            @Schema(description = "The user name", example = "hoankiem")
            String name,

            @Schema(description = "The caller's roles: ADMIN, OFFICER, AUDITOR, VIEWER", example = "[\"OFFICER\"]")
            List<Role> roles,

            @Schema(description = "The caller's unit; null for none", example = "HN-HOANKIEM")
            String unitId,

            @Schema(description = "The header that carries the token", example = "X-CSRF-Token")
            String csrfHeader,

            @Schema(description = "The session's new token: the one before the sign-in is worth nothing now")
            String csrfToken) {}

    private static final Logger log = LoggerFactory.getLogger(SessionController.class);

    private final ConfiguredUsers users;
    private final SignInThrottle throttle;
    private final ServerSecurityContextRepository contexts;
    private final ServerCsrfTokenRepository csrfTokens;
    private final ServerCsrfTokenRequestHandler csrfTokenHandler;

    public SessionController(
            ConfiguredUsers users,
            SignInThrottle throttle,
            ServerSecurityContextRepository contexts,
            ServerCsrfTokenRepository csrfTokens,
            ServerCsrfTokenRequestHandler csrfTokenHandler) {
        this.users = users;
        this.throttle = throttle;
        this.contexts = contexts;
        this.csrfTokens = csrfTokens;
        this.csrfTokenHandler = csrfTokenHandler;
    }

    /** Starts a session if there is none, and gives its CSRF token, which the sign-in itself must carry. */
    @GetMapping(PageSessions.PATH)
    @Operation(
            operationId = "sessionToken",
            summary = "The dashboard's session: starts one if need be and gives its CSRF token",
            description = "Needs no sign-in. Sets the session cookie when there is none, and answers the header name"
                    + " and the token the sign-in and every later change must send.")
    public Mono<SessionToken> token(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return Mono.justOrEmpty(token)
                .flatMap(mono -> mono)
                .map(csrf -> new SessionToken(PageSessions.CSRF_HEADER, csrf.getToken()));
    }

    /**
     * Signs in: the session gets a new id (so that one planted before the sign-in is worth nothing) and a new CSRF
     * token. A wrong name or password is 401 without a Basic challenge.
     */
    @PostMapping(path = PageSessions.PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "signIn",
            summary = "Signs the dashboard's session in with a user name and password (needs the CSRF token)",
            description = "Checks the password as HTTP Basic does, under the same throttle of failed sign-ins. The"
                    + " session then gets a new id and a new CSRF token, which the answer carries with the caller's"
                    + " name, roles and unit. A wrong name or password is 401 without a browser password box.")
    public Mono<ResponseEntity<Object>> signIn(@RequestBody SignIn signIn, ServerWebExchange exchange) {
        if (signIn.name() == null || signIn.name().isBlank() || signIn.password() == null) {
            return Mono.just(problem(Problems.invalidSignIn()));
        }
        String name = signIn.name();
        String address = ClientAddress.of(exchange);
        if (!users.recentlyChecked(name, signIn.password())) {
            Optional<Duration> wait = throttle.waitBeforeChecking(name, address);
            if (wait.isPresent()) {
                long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
                log.warn(
                        "Sign-in as {} from {} refused unchecked: too many failed sign-ins, {} s to wait",
                        SignInThrottleFilter.printable(name),
                        address,
                        seconds);
                return Mono.just(problem(Problems.signInsThrottled(seconds), seconds));
            }
        }
        return users.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(name, signIn.password()))
                .cast(CallerAuthentication.class)
                .flatMap(signedIn -> {
                    throttle.succeeded(name);
                    return contexts.save(exchange, new SecurityContextImpl(signedIn))
                            .then(newCsrfToken(exchange))
                            .map(csrf -> ResponseEntity.<Object>ok(signedIn(signedIn.caller(), csrf)));
                })
                .onErrorResume(BadCredentialsException.class, wrong -> {
                    int inARow = throttle.failed(name, address);
                    log.warn(
                            "Sign-in as {} from {} refused: wrong user name or password, {} in a row",
                            SignInThrottleFilter.printable(name),
                            address,
                            inARow);
                    return Mono.just(problem(Problems.unauthenticated("The user name or password is not right.")));
                })
                .onErrorResume(
                        SignInsBusyException.class,
                        busy -> Mono.just(ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                                .header(HttpHeaders.RETRY_AFTER, "1")
                                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                                .body(Problems.signInsBusy().body())));
    }

    /** Signs out: the session and everything in it is gone. */
    @DeleteMapping(PageSessions.PATH)
    @Operation(
            operationId = "signOut",
            summary = "Signs the dashboard's session out (needs the CSRF token)",
            description = "Ends the session and everything in it; the cookie is then worth nothing.")
    public Mono<ResponseEntity<Void>> signOut(ServerWebExchange exchange) {
        return exchange.getSession()
                .flatMap(WebSession::invalidate)
                .thenReturn(ResponseEntity.noContent().build());
    }

    private Mono<CsrfToken> newCsrfToken(ServerWebExchange exchange) {
        return csrfTokens
                .generateToken(exchange)
                .delayUntil(token -> csrfTokens.saveToken(exchange, token))
                .flatMap(token -> {
                    // The handler puts the token as the page must send it (masked afresh) into the exchange.
                    csrfTokenHandler.handle(exchange, Mono.just(token));
                    return exchange.<Mono<CsrfToken>>getRequiredAttribute(CsrfToken.class.getName());
                });
    }

    private static SignedIn signedIn(Caller caller, CsrfToken csrf) {
        return new SignedIn(caller.name(), caller.roles(), caller.unitId(), PageSessions.CSRF_HEADER, csrf.getToken());
    }

    private static ResponseEntity<Object> problem(Problem problem, long retryAfterSeconds) {
        return ResponseEntity.status(problem.status())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem.body());
    }

    private static ResponseEntity<Object> problem(Problem problem) {
        return ResponseEntity.status(problem.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem.body());
    }
}
