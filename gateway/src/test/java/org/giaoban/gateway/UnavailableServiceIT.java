package org.giaoban.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * tasks-service is down (its port refuses connections), training-service hangs (its answers wait), and
 * reporting-service answers. The training-service time limit is cut to one second so the test does not wait five.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(PatientClient.class)
class UnavailableServiceIT {

    static final ClosedPort TASKS = ClosedPort.hold();
    static final StubService TRAINING = new StubService("training-service");
    static final StubService REPORTING = new StubService("reporting-service");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry properties) {
        properties.add("TASKS_URL", TASKS::url);
        properties.add("TRAINING_URL", TRAINING::url);
        properties.add("REPORTING_URL", REPORTING::url);
        properties.add("resilience4j.timelimiter.instances.training-service.timeout-duration", () -> "1s");
        TestUsers.registerAll(properties);
    }

    @AfterAll
    static void stopServices() {
        TASKS.close();
        TRAINING.close();
        REPORTING.close();
    }

    @Autowired
    WebTestClient client;

    @Test
    void aServiceThatRefusesConnectionsIs503NamingItWithinTwoSeconds(@Autowired CircuitBreakerRegistry breakers) {
        // The first routed request of a fresh gateway, and its first refused connection, also pay for loading classes
        // and starting the HTTP client: on a busy machine, most of a second.
        theOtherServicesKeepAnswering();
        assertAnsweredUnavailable("/api/tasks");
        for (String path : new String[] {"/api/tasks", "/api/units", "/v3/api-docs/tasks"}) {
            long start = System.nanoTime();
            assertAnsweredUnavailable(path);
            assertThat(StubService.since(start)).isLessThan(Duration.ofSeconds(2));
        }
        // Each was a connection refused, not an answer from an open circuit.
        assertThat(breakers.find("tasks-service")).hasValueSatisfying(breaker -> {
            assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
            assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(4);
        });
    }

    private void assertAnsweredUnavailable(String path) {
        client.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, TestUsers.VIEWER.basic())
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:giaoban:problem:service-unavailable")
                .jsonPath("$.status")
                .isEqualTo(503)
                .jsonPath("$.service")
                .isEqualTo("tasks-service")
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains("tasks-service"));
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeIs503NamingIt() {
        TRAINING.holdAnswers();
        try {
            long start = System.nanoTime();
            client.get()
                    .uri("/api/classes")
                    .header(HttpHeaders.AUTHORIZATION, TestUsers.VIEWER.basic())
                    .header("X-Request-Id", "slow-1")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503)
                    .expectHeader()
                    .valueEquals("X-Request-Id", "slow-1")
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("urn:giaoban:problem:service-unavailable")
                    .jsonPath("$.service")
                    .isEqualTo("training-service")
                    .jsonPath("$.detail")
                    .value(detail -> assertThat((String) detail).contains("in time"));
            Duration took = StubService.since(start);
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(1)).isLessThan(Duration.ofSeconds(5));
        } finally {
            TRAINING.release();
        }
    }

    @Test
    void theTimeLimitsAreFiveSecondsAndTenForReports(@Autowired TimeLimiterRegistry timeLimits) {
        assertThat(timeLimits.getDefaultConfig().getTimeoutDuration()).isEqualTo(Duration.ofSeconds(5));
        assertThat(timeLimits.find("reporting-service"))
                .hasValueSatisfying(
                        limit -> assertThat(limit.getTimeLimiterConfig().getTimeoutDuration())
                                .isEqualTo(Duration.ofSeconds(10)));
        assertThat(timeLimits
                        .timeLimiter("tasks-service")
                        .getTimeLimiterConfig()
                        .getTimeoutDuration())
                .isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void theOtherServicesKeepAnswering() {
        client.get()
                .uri("/api/reports/briefing?from=2022-01-01&to=2022-09-08")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.VIEWER.basic())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.service")
                .isEqualTo("reporting-service");
    }
}
