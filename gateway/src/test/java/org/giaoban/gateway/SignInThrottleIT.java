package org.giaoban.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.giaoban.gateway.security.PageSessions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Guessing passwords through the gateway: after five failures in a row for a name or from an address, sign-ins are
 * refused before their password is checked, for a second, then two, and so on; on a clock that only the test moves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(PatientClient.class)
@ExtendWith(OutputCaptureExtension.class)
class SignInThrottleIT {

    static final StubService TASKS = new StubService("tasks-service");
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2022-10-06T01:30:00Z"));

    @TestConfiguration
    static class StandingClock {
        @Bean
        Clock clock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry properties) {
        properties.add("TASKS_URL", TASKS::url);
        properties.add("giaoban.gateway.rate-limit.requests-per-second", () -> "1000");
        properties.add("giaoban.gateway.rate-limit.burst", () -> "1000");
        TestUsers.registerAll(properties);
    }

    @AfterAll
    static void stopService() {
        TASKS.close();
    }

    @Autowired
    WebTestClient client;

    @BeforeEach
    void everyCountForgotten() {
        CLOCK.advance(Duration.ofHours(1));
        TASKS.reset();
    }

    WebTestClient.ResponseSpec listTasks(String authorization) {
        return client.get()
                .uri("/api/tasks")
                .header(HttpHeaders.AUTHORIZATION, authorization)
                .exchange();
    }

    void assertThrottled(String authorization, String retryAfter) {
        listTasks(authorization)
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .valueEquals(HttpHeaders.RETRY_AFTER, retryAfter)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:giaoban:problem:sign-in-throttled");
    }

    @Test
    void guessingANamesPasswordIsShutOutBeforeThePasswordIsCheckedForLongerEachTime() {
        for (int guess = 1; guess <= 6; guess++) {
            listTasks(TestUsers.OFFICER.basic("đoán " + guess)).expectStatus().isUnauthorized();
        }

        assertThrottled(TestUsers.OFFICER.basic(), "1");
        assertThat(TASKS.received()).isEmpty();

        CLOCK.advance(Duration.ofSeconds(1));
        listTasks(TestUsers.OFFICER.basic("đoán 7")).expectStatus().isUnauthorized();
        assertThrottled(TestUsers.OFFICER.basic(), "2");
        CLOCK.advance(Duration.ofSeconds(2));
        listTasks(TestUsers.OFFICER.basic()).expectStatus().isOk();
        assertThat(TASKS.received()).hasSize(1);
    }

    @Test
    void guessingManyNamesFromOneAddressShutsTheAddressOut() {
        for (int guess = 1; guess <= 6; guess++) {
            listTasks(new TestUsers.User("khach" + guess, "VIEWER", null).basic())
                    .expectStatus()
                    .isUnauthorized();
        }

        assertThrottled(TestUsers.ADMIN.basic(), "1");
        CLOCK.advance(Duration.ofSeconds(1));
        listTasks(TestUsers.ADMIN.basic()).expectStatus().isOk();
    }

    @Test
    void anOwnerSignedInBeforeTheGuessingKeepsWorking() {
        listTasks(TestUsers.VIEWER.basic()).expectStatus().isOk();
        for (int guess = 1; guess <= 6; guess++) {
            listTasks(TestUsers.VIEWER.basic("đoán " + guess)).expectStatus().isUnauthorized();
        }

        assertThrottled(TestUsers.VIEWER.basic("đoán 7"), "1");
        listTasks(TestUsers.VIEWER.basic()).expectStatus().isOk();
    }

    /** Signs in through the dashboard's {@code /api/session}, in a session of its own, and returns the status. */
    int signInToThePage(TestUsers.User user, String password) {
        EntityExchangeResult<byte[]> session =
                client.get().uri(PageSessions.PATH).exchange().expectBody().returnResult();
        String csrfToken = JsonPath.read(new String(session.getResponseBody(), StandardCharsets.UTF_8), "$.csrfToken");
        EntityExchangeResult<byte[]> signIn = client.post()
                .uri(PageSessions.PATH)
                .cookie(
                        PageSessions.COOKIE,
                        session.getResponseCookies()
                                .getFirst(PageSessions.COOKIE)
                                .getValue())
                .header(PageSessions.CSRF_HEADER, csrfToken)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", user.name(), "password", password))
                .exchange()
                .expectBody()
                .returnResult();
        if (signIn.getStatus().value() == 429) {
            assertThat(signIn.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER))
                    .isEqualTo("1");
            assertThat(new String(signIn.getResponseBody(), StandardCharsets.UTF_8))
                    .contains("urn:giaoban:problem:sign-in-throttled");
        }
        return signIn.getStatus().value();
    }

    @Test
    void guessingThroughTheDashboardsSignInShutsTheNameOutThereAndForHttpBasic() {
        for (int guess = 1; guess <= 6; guess++) {
            assertThat(signInToThePage(TestUsers.OFFICER, "đoán " + guess)).isEqualTo(401);
        }

        assertThat(signInToThePage(TestUsers.OFFICER, TestUsers.PASSWORD)).isEqualTo(429);
        assertThrottled(TestUsers.OFFICER.basic(), "1");
        CLOCK.advance(Duration.ofSeconds(1));
        assertThat(signInToThePage(TestUsers.OFFICER, TestUsers.PASSWORD)).isEqualTo(200);
    }

    @Test
    void guessingWithHttpBasicShutsTheDashboardsSignInOutToo() {
        for (int guess = 1; guess <= 6; guess++) {
            listTasks(TestUsers.OFFICER.basic("đoán " + guess)).expectStatus().isUnauthorized();
        }

        assertThat(signInToThePage(TestUsers.OFFICER, TestUsers.PASSWORD)).isEqualTo(429);
    }

    @Test
    void aRefusedSignInToTheDashboardIsLoggedWithItsNameAndAddressButNotItsPassword(CapturedOutput output) {
        assertThat(signInToThePage(TestUsers.AUDITOR, "mật-khẩu-trang-43")).isEqualTo(401);

        assertThat(output.getOut())
                .contains("Sign-in as \"kiem.toan\" from 127.0.0.1 refused: wrong user name or password, 1 in a row")
                .doesNotContain("mật-khẩu-trang-43");
    }

    @Test
    void aRefusedSignInIsLoggedWithItsNameAndAddressButNotItsPassword(CapturedOutput output) {
        listTasks(TestUsers.AUDITOR.basic("mật-khẩu-đoán-42")).expectStatus().isUnauthorized();

        assertThat(output.getOut())
                .contains("Sign-in as \"kiem.toan\" from 127.0.0.1 refused: wrong user name or password, 1 in a row")
                .doesNotContain("mật-khẩu-đoán-42");
    }
}
