package org.giaoban.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class PageSessionsTest {

    static boolean needsToken(MockServerHttpRequest.BaseBuilder<?> request) {
        return PageSessions.requiringCsrfToken()
                .matches(MockServerWebExchange.from(request))
                .block()
                .isMatch();
    }

    @Test
    void aWriteSignedInByTheCookieNeedsTheToken() {
        assertThat(needsToken(MockServerHttpRequest.post("/api/tasks").cookie(cookie())))
                .isTrue();
        assertThat(needsToken(MockServerHttpRequest.put("/api/training-plans/HN-QUOCOAI/2023")
                        .cookie(cookie())))
                .isTrue();
        assertThat(needsToken(MockServerHttpRequest.delete("/api/session").cookie(cookie())))
                .isTrue();
    }

    @Test
    void aReadNeedsNoToken() {
        assertThat(needsToken(MockServerHttpRequest.get("/api/reports/briefing").cookie(cookie())))
                .isFalse();
        assertThat(needsToken(MockServerHttpRequest.head("/api/tasks").cookie(cookie())))
                .isFalse();
    }

    @Test
    void theSignInNeedsTheTokenEvenWithoutACookie() {
        assertThat(needsToken(MockServerHttpRequest.post(PageSessions.PATH))).isTrue();
    }

    @Test
    void aCallerWithAnAuthorizationHeaderNeedsNoTokenEvenWithTheCookie() {
        assertThat(needsToken(MockServerHttpRequest.post("/api/tasks")
                        .cookie(cookie())
                        .header(HttpHeaders.AUTHORIZATION, "Basic eGVtOm3huq10IGto4bqpdQ==")))
                .isFalse();
    }

    @Test
    void aWriteWithNeitherCookieNorCredentialsIsLeftToTheSignInCheck() {
        assertThat(needsToken(MockServerHttpRequest.post("/api/tasks"))).isFalse();
    }

    @Test
    void onlyAPageScriptsRefusalGoesWithoutAChallenge() {
        assertThat(PageSessions.fromScript(MockServerHttpRequest.get("/api/me")
                        .header("X-Requested-With", "XMLHttpRequest")
                        .build()))
                .isTrue();
        assertThat(PageSessions.fromScript(MockServerHttpRequest.get("/api/me").build()))
                .isFalse();
    }

    private static HttpCookie cookie() {
        return new HttpCookie(PageSessions.COOKIE, "5b0c7a52-0c1d-4e4f-9a51-3d2f6c1e8b70");
    }
}
