package org.giaoban.gateway.security;

import org.giaoban.gateway.problem.ProblemWriter;
import org.giaoban.gateway.problem.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * 401 problem+json with {@code WWW-Authenticate: Basic realm="giaoban"} (and {@code Bearer} when OIDC is on); 503 with
 * {@code Retry-After} when the password could not be checked for want of capacity. A wrong password is marked on the
 * exchange for the {@link SignInThrottleFilter} to count. A page's script (see {@link PageSessions#fromScript}) gets no
 * challenge, which would make the browser open its own sign-in box.
 */
public class ProblemEntryPoint implements ServerAuthenticationEntryPoint {

    public static final String REALM = "giaoban";

    private final ProblemWriter problems;
    private final boolean bearerTokens;

    public ProblemEntryPoint(ProblemWriter problems, boolean bearerTokens) {
        this.problems = problems;
        this.bearerTokens = bearerTokens;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException refusal) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        if (refusal instanceof SignInsBusyException) {
            exchange.getAttributes().put(SignInThrottleFilter.REFUSAL, SignInThrottleFilter.Refusal.BUSY);
            headers.set(HttpHeaders.RETRY_AFTER, "1");
            return problems.write(exchange, Problems.signInsBusy());
        }
        if (refusal instanceof BadCredentialsException) {
            exchange.getAttributes().put(SignInThrottleFilter.REFUSAL, SignInThrottleFilter.Refusal.WRONG_CREDENTIALS);
        }
        if (PageSessions.fromScript(exchange.getRequest())) {
            return problems.write(
                    exchange,
                    Problems.unauthenticated(
                            refusal instanceof BadCredentialsException
                                    ? detail(refusal)
                                    : "Not signed in, or the session has ended: sign in again."));
        }
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
        if (bearerTokens) {
            headers.add(
                    HttpHeaders.WWW_AUTHENTICATE,
                    refusal instanceof OAuth2AuthenticationException
                            ? "Bearer realm=\"" + REALM + "\", error=\"invalid_token\""
                            : "Bearer realm=\"" + REALM + "\"");
        }
        return problems.write(exchange, Problems.unauthenticated(detail(refusal)));
    }

    private String detail(AuthenticationException refusal) {
        if (refusal instanceof BadCredentialsException) {
            return "The user name or password is not right.";
        }
        if (refusal instanceof OAuth2AuthenticationException oauth) {
            String description = oauth.getError().getDescription();
            return "The bearer token was refused" + (description != null ? ": " + description : ".");
        }
        return bearerTokens
                ? "Sign in with HTTP Basic or an OIDC bearer token."
                : "Sign in with HTTP Basic (a user name and password).";
    }
}
