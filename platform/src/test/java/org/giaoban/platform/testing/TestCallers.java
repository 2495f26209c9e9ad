package org.giaoban.platform.testing;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.giaoban.identity.Caller;
import org.giaoban.identity.IdentityHeader;
import org.giaoban.identity.IdentityTokens;
import org.giaoban.identity.Role;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ClientHttpRequestInterceptor;

/**
 * Callers for tests that talk to a service over HTTP: the service runs with {@link #SECRET_PROPERTY}, and each request
 * carries a fresh token for the caller, as the gateway would send it.
 */
public final class TestCallers {

    public static final String SECRET = "secret-of-the-tests-0123456789abcdef";

    /** Gives a {@code @SpringBootTest} the secret the tokens here are signed with. */
    public static final String SECRET_PROPERTY = IdentityHeader.SECRET_PROPERTY + "=" + SECRET;

    public static final Caller ADMIN = Caller.of("admin", List.of(Role.ADMIN), "HN");

    private static final IdentityTokens TOKENS =
            new IdentityTokens(SECRET.getBytes(StandardCharsets.UTF_8), Clock.systemUTC());

    private TestCallers() {}

    public static Caller officerOf(String unitId) {
        return Caller.of("officer-" + unitId.toLowerCase(), List.of(Role.OFFICER), unitId);
    }

    public static Caller viewer() {
        return Caller.of("viewer", List.of(Role.VIEWER), "HN");
    }

    public static String tokenFor(Caller caller) {
        return TOKENS.issue(caller);
    }

    /**
     * Adds a fresh token for the caller to every request a RestTemplate sends that does not carry one already (so that a
     * test can still speak for another caller).
     */
    public static ClientHttpRequestInterceptor as(Caller caller) {
        return (request, body, execution) -> {
            if (!request.getHeaders().containsKey(IdentityHeader.NAME)) {
                request.getHeaders().set(IdentityHeader.NAME, tokenFor(caller));
            }
            return execution.execute(request, body);
        };
    }

    /** Headers that speak for the caller. */
    public static HttpHeaders headersFor(Caller caller) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(IdentityHeader.NAME, tokenFor(caller));
        return headers;
    }
}
