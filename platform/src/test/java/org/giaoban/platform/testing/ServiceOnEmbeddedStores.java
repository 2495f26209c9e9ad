package org.giaoban.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.giaoban.identity.IdentityHeader;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A service started as its main class starts it, on its embedded stores in a new directory and on a port it binds
 * itself, and called over HTTP as an administrator the gateway vouched for. For tests that do not run under Spring's
 * test framework, such as jqwik's properties.
 */
public final class ServiceOnEmbeddedStores implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** What the service answered. */
    public record Answer(int status, String contentType, String body) {

        @Override
        public String toString() {
            return status + " " + contentType + " " + (body.length() > 500 ? body.substring(0, 500) + "…" : body);
        }
    }

    private final ConfigurableApplicationContext context;
    private final URI base;
    private final JdbcTemplate jdbc;

    private ServiceOnEmbeddedStores(ConfigurableApplicationContext context) {
        this.context = context;
        this.base = URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
        this.jdbc = context.getBean(JdbcTemplate.class);
    }

    /** Command-line arguments, which outrank the service's own configuration (its port, its data directory). */
    public static ServiceOnEmbeddedStores start(Class<?> application) {
        try {
            Path dataDir = Files.createTempDirectory("giaoban-" + application.getSimpleName());
            return new ServiceOnEmbeddedStores(new SpringApplicationBuilder(application)
                    .run("--server.port=0", "--giaoban.data-dir=" + dataDir, "--" + TestCallers.SECRET_PROPERTY));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Any request, as an administrator; {@code body} null sends none. */
    public Answer send(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header(IdentityHeader.NAME, TestCallers.tokenFor(TestCallers.ADMIN))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response =
                    HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("No answer to " + method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Answer sendJson(String method, String path, String json) {
        return send(method, path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** How many events the service's store holds. */
    public long events() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    /**
     * Sends the request and checks what any request, however bad, must get: no server error, and when refused, a
     * problem+json answer and not one more event in the store. Answers what the service answered.
     */
    public Answer sendRequiringNoServerErrorAndNothingStoredWhenRefused(
            String method, String path, String contentType, byte[] body) {
        long before = events();
        Answer answer = send(method, path, contentType, body);
        assertThat(answer.status()).as(method + " " + path + " -> " + answer).isLessThan(500);
        if (answer.status() >= 400) {
            assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
            assertThat(events()).as("events after the refusal " + answer).isEqualTo(before);
        }
        return answer;
    }

    @Override
    public void close() {
        context.close();
    }
}
