package org.giaoban.gateway.security;

import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.web.server.session.CookieWebSessionIdResolver;
import org.springframework.web.server.session.WebSessionIdResolver;

/**
 * The dashboard's sign-in: a session held by the gateway (in memory, ended after 30 minutes unused, or by a restart),
 * named by an HttpOnly, SameSite=Strict cookie, so that the page never holds a password or a token a script could
 * read. A browser sends the cookie with every request to the gateway, including one a hostile page makes it send, so a
 * request that may change something on the strength of the cookie must also carry the session's CSRF token in
 * {@value #CSRF_HEADER}, which only a page of the gateway's own origin can read (from {@code GET /api/session}). A
 * request with an {@code Authorization} header is signed in by that header, not by the cookie, and needs no token.
 */
public final class PageSessions {

    public static final String COOKIE = "GIAOBAN_SESSION";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final String PATH = "/api/session";

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private PageSessions() {}

    /** The session cookie: HttpOnly, SameSite=Strict, for the whole site; Secure when the request came over HTTPS. */
    static WebSessionIdResolver cookieResolver() {
        CookieWebSessionIdResolver resolver = new CookieWebSessionIdResolver();
        resolver.setCookieName(COOKIE);
        resolver.addCookieInitializer(
                cookie -> cookie.httpOnly(true).sameSite("Strict").path("/"));
        return resolver;
    }

    /**
     * Which requests must carry the CSRF token: those that may change something and have no {@code Authorization}
     * header, when they carry the session cookie or ask to sign in (so that a hostile page cannot sign a visitor in as
     * somebody else either). Without the cookie such a request is nobody's, and is answered 401 as before.
     */
    static ServerWebExchangeMatcher requiringCsrfToken() {
        return exchange -> {
            ServerHttpRequest request = exchange.getRequest();
            boolean byCookie = !request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION)
                    && (request.getCookies().containsKey(COOKIE)
                            || PATH.equals(
                                    request.getPath().pathWithinApplication().value()));
            return !SAFE.contains(request.getMethod()) && byCookie ? MatchResult.match() : MatchResult.notMatch();
        };
    }

    /**
     * Whether a script of a page sent the request ({@code X-Requested-With: XMLHttpRequest}): its 401 carries no Basic
     * challenge, which would make the browser open its own sign-in box over the page.
     */
    static boolean fromScript(ServerHttpRequest request) {
        return "XMLHttpRequest".equalsIgnoreCase(request.getHeaders().getFirst("X-Requested-With"));
    }
}
