package org.giaoban.gateway.security;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.WebSessionServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/** The sign-in's refusal when every password check is taken: not reachable on demand through a running gateway. */
class SessionControllerTest {

    @Test
    void aSignInWhileEveryCheckIsTakenIsAskedToComeBackInASecond() {
        ConfiguredUsers users = mock(ConfiguredUsers.class);
        when(users.authenticate(any())).thenReturn(Mono.error(new SignInsBusyException()));
        SignInThrottle throttle = new SignInThrottle(
                5,
                Duration.ofSeconds(1),
                Duration.ofMinutes(15),
                Duration.ofMinutes(15),
                Clock.fixed(Instant.parse("2022-10-06T01:30:00Z"), ZoneOffset.UTC));
        WebTestClient client = WebTestClient.bindToController(new SessionController(
                        users,
                        throttle,
                        new WebSessionServerSecurityContextRepository(),
                        new WebSessionServerCsrfTokenRepository(),
                        new XorServerCsrfTokenRequestAttributeHandler()))
                .build();

        client.post()
                .uri(PageSessions.PATH)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"admin\", \"password\": \"mật khẩu\"}")
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .valueEquals(HttpHeaders.RETRY_AFTER, "1")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:giaoban:problem:sign-in-busy");
    }
}
