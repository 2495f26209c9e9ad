package org.giaoban.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.giaoban.gateway.limit.CallerRateLimiter;
import org.giaoban.gateway.limit.RedisCallerRateLimiter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The rate limit counted in Redis, when a Redis answers at {@code GIAOBAN_TEST_REDIS_HOST}:{@code
 * GIAOBAN_TEST_REDIS_PORT} (default 127.0.0.1:6379, where CI starts one); skipped otherwise. Redis keeps its own time,
 * so the test does not count on exact timing: with one request a second and bursts of two, requests sent one after
 * the other are refused once they come faster than that, and not before the burst is used. The first requests of a
 * fresh gateway on a busy machine can take more than a second each, and the allowance comes back as fast as they use
 * it: the run goes on until the first refusal, for at most a minute, rather than for a set number of requests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(PatientClient.class)
@EnabledIf("redisAnswers")
class RedisRateLimitIT {

    static final String HOST = System.getenv().getOrDefault("GIAOBAN_TEST_REDIS_HOST", "127.0.0.1");
    static final int PORT = Integer.parseInt(System.getenv().getOrDefault("GIAOBAN_TEST_REDIS_PORT", "6379"));
    static final TestUsers.User USER = new TestUsers.User("redis-" + UUID.randomUUID(), "VIEWER", null);
    static final StubService TASKS = new StubService("tasks-service");
    static final Duration RUN_LIMIT = Duration.ofMinutes(1);

    static boolean redisAnswers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, PORT), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry properties) {
        properties.add("spring.data.redis.host", () -> HOST);
        properties.add("spring.data.redis.port", () -> PORT);
        properties.add("TASKS_URL", TASKS::url);
        properties.add("giaoban.gateway.rate-limit.requests-per-second", () -> "1");
        properties.add("giaoban.gateway.rate-limit.burst", () -> "2");
        TestUsers.register(properties, USER);
    }

    @AfterAll
    static void stopService() {
        TASKS.close();
    }

    @Autowired
    WebTestClient client;

    @Autowired
    CallerRateLimiter limiter;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Test
    void theCountIsKeptInRedisAndACallerOverItGets429() {
        assertThat(limiter).isInstanceOf(RedisCallerRateLimiter.class);

        List<Integer> statuses = new ArrayList<>();
        String retryAfter = null;
        long deadline = System.nanoTime() + RUN_LIMIT.toNanos();
        while (!statuses.contains(429) && System.nanoTime() < deadline) {
            var result = client.get()
                    .uri("/api/tasks")
                    .header(HttpHeaders.AUTHORIZATION, USER.basic())
                    .exchange()
                    .returnResult(String.class);
            statuses.add(result.getStatus().value());
            retryAfter = result.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER);
        }

        assertThat(statuses).contains(429);
        assertThat(statuses.subList(0, 2)).containsOnly(200);
        assertThat(retryAfter).isEqualTo("1");
        assertThat(TASKS.started())
                .hasSize((int) statuses.stream().filter(s -> s == 200).count());
        assertThat(redis.hasKey("request_rate_limiter.{giaoban.user:" + USER.name() + "}.tokens")
                        .block())
                .isTrue();
    }
}
