package org.giaoban.gateway.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.giaoban.gateway.http.ClientAddress;
import org.giaoban.gateway.problem.ProblemWriter;
import org.giaoban.gateway.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Runs before HTTP Basic sign-in: a sign-in whose user name or client address is shut out by the
 * {@link SignInThrottle} is answered {@code 429} with {@code Retry-After} before its password is checked; the outcome
 * of every other sign-in is counted once the answer is known, and each refused one is logged with the name and the
 * address, never the password. Credentials checked successfully within the last minutes pass, so that an owner who is
 * signed in keeps working while someone else guesses at the name.
 */
public class SignInThrottleFilter implements WebFilter {

    /** The exchange attribute the entry point sets to say how a sign-in was refused. */
    static final String REFUSAL = SignInThrottleFilter.class.getName() + ".refusal";

    enum Refusal {
        WRONG_CREDENTIALS,
        BUSY
    }

    private static final Logger log = LoggerFactory.getLogger(SignInThrottleFilter.class);
    private static final int LONGEST_NAME_LOGGED = 64;

    private final SignInThrottle throttle;
    private final ConfiguredUsers users;
    private final ProblemWriter problems;

    public SignInThrottleFilter(SignInThrottle throttle, ConfiguredUsers users, ProblemWriter problems) {
        this.throttle = throttle;
        this.users = users;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Optional<BasicCredentials> credentials =
                BasicCredentials.of(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
        if (credentials.isEmpty()) {
            return chain.filter(exchange);
        }
        String name = credentials.get().name();
        String address = ClientAddress.of(exchange);
        if (!users.recentlyChecked(name, credentials.get().password())) {
            Optional<Duration> wait = throttle.waitBeforeChecking(name, address);
            if (wait.isPresent()) {
                long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
                log.warn(
                        "Sign-in as {} from {} refused unchecked: too many failed sign-ins, {} s to wait",
                        printable(name),
                        address,
                        seconds);
                exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                return problems.write(exchange, Problems.signInsThrottled(seconds));
            }
        }
        exchange.getResponse().beforeCommit(() -> {
            Refusal refusal = exchange.getAttribute(REFUSAL);
            if (refusal == Refusal.WRONG_CREDENTIALS) {
                int inARow = throttle.failed(name, address);
                log.warn(
                        "Sign-in as {} from {} refused: wrong user name or password, {} in a row",
                        printable(name),
                        address,
                        inARow);
            } else if (refusal == null && exchange.getResponse().getStatusCode() != HttpStatus.UNAUTHORIZED) {
                throttle.succeeded(name);
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    /** The name as a log line may hold it: no line breaks or other control characters to forge entries with. */
    static String printable(String name) {
        StringBuilder printable = new StringBuilder();
        name.codePoints()
                .limit(LONGEST_NAME_LOGGED)
                .forEach(c -> printable.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return '"'
                + printable.toString()
                + (name.codePointCount(0, name.length()) > LONGEST_NAME_LOGGED ? "…\"" : "\"");
    }

    /** The user name and password of an {@code Authorization: Basic} header, when it holds them. */
    record BasicCredentials(String name, String password) {

        static Optional<BasicCredentials> of(String authorization) {
            if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                return Optional.empty();
            }
            String decoded;
            try {
                decoded = new String(
                        Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notBase64) {
                return Optional.empty();
            }
            int colon = decoded.indexOf(':');
            return colon < 0
                    ? Optional.empty()
                    : Optional.of(new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
        }
    }
}
