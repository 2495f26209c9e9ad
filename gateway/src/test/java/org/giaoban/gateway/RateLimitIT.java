package org.giaoban.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The in-process rate limit, on a clock that only the test moves: one request a second, bursts of two. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(PatientClient.class)
class RateLimitIT {

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
        properties.add("giaoban.gateway.rate-limit.requests-per-second", () -> "1");
        properties.add("giaoban.gateway.rate-limit.burst", () -> "2");
        TestUsers.registerAll(properties);
    }

    @AfterAll
    static void stopService() {
        TASKS.close();
    }

    @Autowired
    WebTestClient client;

    @BeforeEach
    void everyBucketFull() {
        CLOCK.advance(Duration.ofHours(1));
        TASKS.reset();
    }

    WebTestClient.ResponseSpec listTasks(TestUsers.User user) {
        return client.get()
                .uri("/api/tasks")
                .header(HttpHeaders.AUTHORIZATION, user.basic())
                .exchange();
    }

    @Test
    void aCallerOverItsBurstGets429WithRetryAfterAndTheServiceHearsNothing() {
        listTasks(TestUsers.VIEWER).expectStatus().isOk();
        listTasks(TestUsers.VIEWER).expectStatus().isOk();

        listTasks(TestUsers.VIEWER)
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .valueEquals(HttpHeaders.RETRY_AFTER, "1")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:giaoban:problem:rate-limited")
                .jsonPath("$.status")
                .isEqualTo(429)
                .jsonPath("$.title")
                .isNotEmpty();

        assertThat(TASKS.started()).hasSize(2);
    }

    @Test
    void theAllowanceComesBackWithTime() {
        listTasks(TestUsers.VIEWER).expectStatus().isOk();
        listTasks(TestUsers.VIEWER).expectStatus().isOk();
        listTasks(TestUsers.VIEWER).expectStatus().isEqualTo(429);

        CLOCK.advance(Duration.ofSeconds(1));

        listTasks(TestUsers.VIEWER).expectStatus().isOk();
        listTasks(TestUsers.VIEWER).expectStatus().isEqualTo(429);
    }

    @Test
    void eachUserIsCountedOnItsOwn() {
        listTasks(TestUsers.VIEWER).expectStatus().isOk();
        listTasks(TestUsers.VIEWER).expectStatus().isOk();
        listTasks(TestUsers.VIEWER).expectStatus().isEqualTo(429);

        listTasks(TestUsers.OFFICER).expectStatus().isOk();
        client.get()
                .uri("/api/me")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.OFFICER.basic())
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void callersWhoAreNotSignedInAreCountedByTheirAddress() {
        client.get().uri("/v3/api-docs/tasks").exchange().expectStatus().isOk();
        client.get().uri("/api/tasks").exchange().expectStatus().isUnauthorized();

        client.get()
                .uri("/v3/api-docs/tasks")
                .exchange()
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .exists(HttpHeaders.RETRY_AFTER);

        listTasks(TestUsers.VIEWER).expectStatus().isOk();
    }

    @Test
    void healthChecksAreNotCounted() {
        for (int i = 0; i < 5; i++) {
            client.get().uri("/actuator/health").exchange().expectStatus().isOk();
        }
    }
}
