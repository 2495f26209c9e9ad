package org.giaoban.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.function.Predicate;
import org.apache.tomcat.util.threads.ThreadPoolExecutor;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;

/**
 * A few callers that keep sending requests to a service while one of its stores is taken away ({@link TcpProxy#cut()})
 * and given back, each answer recorded with the phase its request started and ended in. A request that started and
 * ended while the store was away ({@link Answer#within(Phase)}) met the outage and nothing else; one that spans a
 * change of phase may have reached the store or not.
 *
 * <p>While it runs it also samples how many of the service's request threads are busy, to show that requests do not
 * pile up while the store is away.
 */
public final class OutageDrill implements AutoCloseable {

    /** No request may take longer than this: a request still unanswered then is a thread hanging in the service. */
    public static final Duration CLIENT_TIMEOUT = ServiceHttp.TIMEOUT;

    public enum Phase {
        BEFORE,
        CUT,
        RESTORED
    }

    /** What the service sends for a caller's {@code attempt}-th request; {@code marker} is unique to the request. */
    @FunctionalInterface
    public interface Requests {
        HttpRequest.Builder build(int caller, int attempt, String marker);
    }

    /** One request and its answer; {@code status} is -1 when no answer came within {@link #CLIENT_TIMEOUT}. */
    public record Answer(
            int caller,
            int attempt,
            String marker,
            Phase startedIn,
            Phase endedIn,
            Instant sentAt,
            Duration took,
            int status,
            String contentType,
            String retryAfter,
            String body) {

        public boolean within(Phase phase) {
            return startedIn == phase && endedIn == phase;
        }

        public boolean succeeded() {
            return status >= 200 && status < 300;
        }

        public Instant answeredAt() {
            return sentAt.plus(took);
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final ExecutorService threads;
    private final List<Future<?>> running = new ArrayList<>();
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final AtomicInteger mostBusyWhileCut = new AtomicInteger();
    private final int callers;
    private volatile Phase phase = Phase.BEFORE;
    private volatile Instant restoredAt;
    private volatile boolean stopping;

    private OutageDrill(int callers, Requests requests, IntSupplier busyRequestThreads) {
        this.callers = callers;
        this.threads = Executors.newFixedThreadPool(callers + 1);
        for (int caller = 0; caller < callers; caller++) {
            int self = caller;
            running.add(threads.submit(() -> call(self, requests)));
        }
        running.add(threads.submit(() -> sample(busyRequestThreads)));
    }

    /** Starts {@code callers} callers sending {@code requests}, one at a time each, until {@link #stop()}. */
    public static OutageDrill start(int callers, Requests requests, IntSupplier busyRequestThreads) {
        return new OutageDrill(callers, requests, busyRequestThreads);
    }

    /** Takes the store away; requests sent from now on meet the outage. */
    public void cut(TcpProxy proxy) {
        proxy.cut();
        phase = Phase.CUT;
    }

    /** Gives the store back; requests that ended before this met only the outage. */
    public void restore(TcpProxy proxy) {
        phase = Phase.RESTORED;
        proxy.restore();
        restoredAt = Instant.now();
    }

    /** When the store was given back. */
    public Instant restoredAt() {
        return restoredAt;
    }

    /** Waits until every caller has had {@code count} answers that match. */
    public void awaitEachCaller(int count, Predicate<Answer> matching, Duration deadline) {
        await().atMost(deadline).pollInterval(Duration.ofMillis(50)).until(() -> {
            int[] perCaller = new int[callers];
            answers.stream().filter(matching).forEach(answer -> perCaller[answer.caller()]++);
            return Arrays.stream(perCaller).allMatch(n -> n >= count);
        });
    }

    /** Stops the callers once their requests are answered; answers every request sent, in the order sent. */
    public List<Answer> stop() throws Exception {
        stopping = true;
        for (Future<?> caller : running) {
            caller.get(CLIENT_TIMEOUT.toSeconds() * 2, TimeUnit.SECONDS);
        }
        threads.shutdown();
        List<Answer> sent = new ArrayList<>(answers);
        sent.sort(Comparator.comparingInt(Answer::caller).thenComparingInt(Answer::attempt));
        return sent;
    }

    /** The most request threads seen busy at once while the store was away. */
    public int mostBusyRequestThreadsWhileCut() {
        return mostBusyWhileCut.get();
    }

    @Override
    public void close() {
        stopping = true;
        threads.shutdownNow();
    }

    /**
     * Asserts the answer a caller gets while a store is away: {@code 503} problem+json of type
     * {@code store-unavailable} with {@code Retry-After}, and nothing internal (SQL, driver, pool, host, trace).
     */
    public static void assertStoreUnavailable(int status, String contentType, String retryAfter, String body) {
        assertThat(status).isEqualTo(503);
        assertThat(contentType).isEqualTo("application/problem+json");
        assertThat(retryAfter).isNotBlank().containsOnlyDigits();
        assertThat(body)
                .contains("\"type\":\"urn:giaoban:problem:store-unavailable\"")
                .contains("\"status\":503");
        assertThat(body)
                .as("nothing internal reaches the caller")
                .doesNotContainIgnoringCase("sql")
                .doesNotContainIgnoringCase("jdbc")
                .doesNotContainIgnoringCase("postgres")
                .doesNotContainIgnoringCase("hikari")
                .doesNotContainIgnoringCase("mongo")
                .doesNotContain("127.0.0.1")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    public static void assertStoreUnavailable(Answer answer) {
        assertStoreUnavailable(answer.status(), answer.contentType(), answer.retryAfter(), answer.body());
    }

    /** How many of the service's request threads are busy: its Tomcat's active workers. */
    public static IntSupplier busyRequestThreadsOf(WebServerApplicationContext context) {
        TomcatWebServer server = (TomcatWebServer) context.getWebServer();
        ThreadPoolExecutor workers = (ThreadPoolExecutor)
                server.getTomcat().getConnector().getProtocolHandler().getExecutor();
        return workers::getActiveCount;
    }

    /** The {@code p}-th percentile (0 to 100) of how long the answers took, nearest rank. */
    public static Duration percentile(List<Answer> answers, int p) {
        List<Duration> took = answers.stream().map(Answer::took).sorted().toList();
        if (took.isEmpty()) {
            return Duration.ZERO;
        }
        int rank = (int) Math.ceil(p / 100.0 * took.size());
        return took.get(Math.max(0, rank - 1));
    }

    private void call(int caller, Requests requests) {
        for (int attempt = 0; !stopping; attempt++) {
            String marker = String.format("outage-c%02d-n%04d", caller, attempt);
            HttpRequest request = requests.build(caller, attempt, marker)
                    .timeout(CLIENT_TIMEOUT)
                    .build();
            Phase startedIn = phase;
            Instant sentAt = Instant.now();
            long start = System.nanoTime();
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (HttpTimeoutException hanging) {
                answers.add(new Answer(
                        caller, attempt, marker, startedIn, phase, sentAt, since(start), -1, null, null, null));
                continue;
            } catch (IOException e) {
                throw new IllegalStateException("The service did not answer " + marker, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            answers.add(new Answer(
                    caller,
                    attempt,
                    marker,
                    startedIn,
                    phase,
                    sentAt,
                    since(start),
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("Retry-After").orElse(null),
                    response.body()));
        }
    }

    private void sample(IntSupplier busyRequestThreads) {
        while (!stopping) {
            if (phase == Phase.CUT) {
                mostBusyWhileCut.accumulateAndGet(busyRequestThreads.getAsInt(), Math::max);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
