package org.giaoban.suite.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.giaoban.identity.IdentityHeader;
import org.giaoban.suite.reference.Operator;

/**
 * reporting-service with the whole reference dataset: the three services as their own JVMs on embedded stores, the
 * dataset loaded through their APIs by {@code ReferenceDataset} (a process of its own), and meanwhile the lag of the
 * read models sampled; then the latency of 1,000 briefings for assorted periods and units, of briefings "as recorded
 * at" the meeting, a rebuild of each read model, and a plain read of each event table for comparison.
 *
 * <pre>
 * ./mvnw -B -q -DskipTests install
 * ./mvnw -B -q -pl suite exec:java -Dexec.mainClass=org.giaoban.suite.bench.ReportingBenchmark
 * </pre>
 *
 * Options: {@code --contest-entries N} (1000000), {@code --requests N} (1000), {@code --heap 1g} (each service),
 * {@code --keep yes} (keep the data directory).
 */
public final class ReportingBenchmark {

    private static final int TASKS_PORT = 18181;
    private static final int TRAINING_PORT = 18182;
    private static final int REPORTING_PORT = 18183;
    private static final List<String> READ_MODELS = List.of("briefing-tasks", "briefing-training");
    private static final List<String> UNITS =
            List.of("HN", "HN", "HN-HOANKIEM", "HN-LONGBIEN", "HN-QUOCOAI", "HN-PHUCTHO", "HN-SONTAY", "HN-DAIPTTH");

    private final Map<String, String> options;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();
    private Operator operator;

    private ReportingBenchmark(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        new ReportingBenchmark(options).run();
    }

    private void run() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("mvnw"))) {
            root = root.getParent();
        }
        Path work = Files.createTempDirectory("giaoban-reporting-bench");
        operator = Operator.named("reporting-benchmark", work);
        String heap = options.getOrDefault("heap", "1g");
        Map<String, String> environment = Map.of("GIAOBAN_DATA_DIR", work.toString());
        try (ServiceProcess tasks = ServiceProcess.start(
                        root.resolve("tasks-service/tasks-app/target/tasks-app-0.1.0-SNAPSHOT-exec.jar"),
                        TASKS_PORT,
                        heap,
                        environment,
                        work.resolve("tasks.log"));
                ServiceProcess training = ServiceProcess.start(
                        root.resolve("training-service/training-app/target/training-app-0.1.0-SNAPSHOT-exec.jar"),
                        TRAINING_PORT,
                        heap,
                        environment,
                        work.resolve("training.log"));
                ServiceProcess reporting = ServiceProcess.start(
                        root.resolve("reporting-service/target/reporting-service-0.1.0-SNAPSHOT-exec.jar"),
                        REPORTING_PORT,
                        heap,
                        environment,
                        work.resolve("reporting.log"))) {
            LagSampler lag = new LagSampler(reporting.baseUrl());
            long loadStart = System.nanoTime();
            String meetingInstant = loadReferenceDataset(tasks, training, reporting, work, work.resolve("dataset.log"));
            Duration load = Duration.ofNanos(System.nanoTime() - loadStart);
            lag.stop();
            awaitCaughtUp(reporting.baseUrl());

            System.out.println();
            System.out.printf(
                    Locale.ROOT,
                    "reference dataset loaded in %s; read models caught up at %s; lag of the heads seen ahead"
                            + " (time from seeing a head to seeing it applied, polls every %d ms, %d heads): p50 %s,"
                            + " p99 %s, max %s%n",
                    seconds(load),
                    lag.caughtUpShare(),
                    LagSampler.PERIOD_MILLIS,
                    lag.lags().size(),
                    millis(percentile(lag.lags(), 50)),
                    millis(percentile(lag.lags(), 99)),
                    millis(percentile(lag.lags(), 100)));
            System.out.println(
                    "worst lag of the heads seen in each ten seconds of the load:" + lag.worstByTenSeconds());

            List<Long> latencies =
                    briefingLatencies(reporting.baseUrl(), Integer.parseInt(options.getOrDefault("requests", "1000")));
            System.out.printf(
                    Locale.ROOT,
                    "briefing, %d requests (periods from a day to a year, the city and single units): p50 %s,"
                            + " p99 %s, max %s%n",
                    latencies.size(),
                    millis(percentile(latencies, 50)),
                    millis(percentile(latencies, 99)),
                    millis(percentile(latencies, 100)));
            System.out.printf(
                    Locale.ROOT,
                    "briefing as xlsx: %s; as csv: %s%n",
                    millis(timed(
                            reporting.baseUrl() + "/api/reports/briefing?from=2022-01-01&to=2022-09-08&format=xlsx")),
                    millis(timed(
                            reporting.baseUrl() + "/api/reports/briefing?from=2022-01-01&to=2022-09-08&format=csv")));

            List<Long> asRecorded = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                asRecorded.add(timed(reporting.baseUrl() + "/api/reports/briefing?from=2022-01-01&to=2022-09-08"
                        + "&recordedAt=" + meetingInstant));
            }
            System.out.println("briefing as recorded at the meeting (" + meetingInstant + "), 5 requests: "
                    + asRecorded.stream().map(ReportingBenchmark::millis).toList());

            for (String readModel : READ_MODELS) {
                JsonNode rebuilt = rebuild(reporting.baseUrl(), readModel);
                String service = rebuilt.path("service").asText();
                Path eventFile = work.resolve(service + "-service/events");
                PlainRead plain = plainRead(ServiceProcess.servedEventStore(eventFile));
                double rebuildSeconds =
                        rebuilt.path("lastRebuild").path("seconds").asDouble();
                System.out.printf(
                        Locale.ROOT,
                        "rebuild of %s: %d events in %.2f s; plain read of %s's event table (%d rows, %.1f MB of"
                                + " payload): %.2f s; rebuild / plain read = %.1f%n",
                        readModel,
                        rebuilt.path("lastRebuild").path("events").asLong(),
                        rebuildSeconds,
                        service,
                        plain.rows(),
                        plain.payloadBytes() / 1e6,
                        plain.took().toMillis() / 1000.0,
                        rebuildSeconds / (plain.took().toMillis() / 1000.0));
            }
            System.out.printf(
                    "peak resident / heap in use: tasks %s / %s, training %s / %s, reporting %s / %s (each -Xmx%s)%n",
                    mib(tasks.peakResidentBytes()),
                    mib(tasks.peakHeapBytes()),
                    mib(training.peakResidentBytes()),
                    mib(training.peakHeapBytes()),
                    mib(reporting.peakResidentBytes()),
                    mib(reporting.peakHeapBytes()),
                    heap);
        } finally {
            if (!options.containsKey("keep")) {
                try (Stream<Path> paths = Files.walk(work)) {
                    paths.sorted(Collections.reverseOrder())
                            .forEach(path -> path.toFile().delete());
                }
            } else {
                System.out.println("data kept in " + work);
            }
        }
    }

    /** Runs the generator as its own JVM (so its CPU and heap are its own) and answers the meeting instant. */
    private String loadReferenceDataset(
            ServiceProcess tasks, ServiceProcess training, ServiceProcess reporting, Path dataDir, Path log)
            throws Exception {
        List<String> command = List.of(
                "java",
                "-cp",
                System.getProperty("java.class.path"),
                "org.giaoban.suite.reference.ReferenceDataset",
                "--tasks-url",
                tasks.baseUrl(),
                "--training-url",
                training.baseUrl(),
                "--reporting-url",
                reporting.baseUrl(),
                "--contest-entries",
                options.getOrDefault("contest-entries", "1000000"),
                "--data-dir",
                dataDir.toString());
        Process generator =
                new ProcessBuilder(command).redirectErrorStream(true).start();
        String meetingInstant = null;
        try (BufferedReader output =
                new BufferedReader(new InputStreamReader(generator.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = output.readLine()) != null) {
                Files.writeString(
                        log, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                System.out.println("  dataset | " + line);
                if (line.startsWith("meeting instant: ")) {
                    meetingInstant =
                            line.substring("meeting instant: ".length()).trim();
                }
            }
        }
        if (generator.waitFor() != 0 || meetingInstant == null) {
            throw new IllegalStateException("The reference dataset did not load; see " + log);
        }
        return meetingInstant;
    }

    private List<Long> briefingLatencies(String baseUrl, int requests) throws Exception {
        Random random = new Random(20_221_006L);
        for (int i = 0; i < 100; i++) {
            timed(baseUrl + briefingPath(random));
        }
        List<Long> latencies = new ArrayList<>(requests);
        for (int i = 0; i < requests; i++) {
            latencies.add(timed(baseUrl + briefingPath(random)));
        }
        return latencies;
    }

    private static String briefingPath(Random random) {
        LocalDate from;
        LocalDate to;
        switch (random.nextInt(5)) {
            case 0 -> {
                from = LocalDate.of(2022, 1, 1);
                to = LocalDate.of(2022, 9, 8);
            }
            case 1 -> {
                from = LocalDate.of(2022, 1, 1);
                to = LocalDate.of(2022, 12, 31);
            }
            case 2 -> {
                from = LocalDate.of(2022, 1 + random.nextInt(12), 1);
                to = from.plusMonths(1).minusDays(1);
            }
            case 3 -> {
                from = LocalDate.of(2022, 1 + 3 * random.nextInt(4), 1);
                to = from.plusMonths(3).minusDays(1);
            }
            default -> {
                from = LocalDate.of(2022, 1, 1).plusDays(random.nextInt(365));
                to = from;
            }
        }
        return "/api/reports/briefing?from=" + from + "&to=" + to + "&unitId="
                + UNITS.get(random.nextInt(UNITS.size()));
    }

    private long timed(String url) throws Exception {
        long start = System.nanoTime();
        HttpResponse<byte[]> response = http.send(
                signed(HttpRequest.newBuilder(URI.create(url))).build(), HttpResponse.BodyHandlers.ofByteArray());
        long took = System.nanoTime() - start;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return took;
    }

    private JsonNode rebuild(String baseUrl, String readModel) throws Exception {
        HttpResponse<String> accepted = http.send(
                signed(HttpRequest.newBuilder(URI.create(baseUrl + "/api/admin/projections/" + readModel + "/rebuild")))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("Rebuild of " + readModel + " answered " + accepted.statusCode());
        }
        while (true) {
            JsonNode status = get(baseUrl + "/api/admin/projections/" + readModel);
            JsonNode last = status.path("lastRebuild");
            if (!last.path("finishedAt").isNull() && !last.path("finishedAt").isMissingNode()) {
                if (!last.path("failure").isNull()) {
                    throw new IllegalStateException("Rebuild of " + readModel + " failed: " + last.path("failure"));
                }
                return status;
            }
            Thread.sleep(100);
        }
    }

    record PlainRead(long rows, long payloadBytes, Duration took) {}

    /** Every row of an event table in order, payload and metadata included: the floor for any fold of it. */
    private static PlainRead plainRead(ServiceProcess.StoreLogin store) throws Exception {
        long start = System.nanoTime();
        long rows = 0;
        long bytes = 0;
        try (Connection connection = store.connect();
                Statement statement = connection.createStatement()) {
            statement.setFetchSize(25);
            try (ResultSet result =
                    statement.executeQuery("SELECT global_index, event_identifier, aggregate_identifier,"
                            + " sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data"
                            + " FROM domain_event_entry ORDER BY global_index")) {
                while (result.next()) {
                    rows++;
                    bytes += result.getString("payload").length();
                    result.getString("meta_data");
                }
            }
        }
        return new PlainRead(rows, bytes, Duration.ofNanos(System.nanoTime() - start));
    }

    private void awaitCaughtUp(String baseUrl) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            boolean caughtUp = true;
            for (JsonNode readModel : get(baseUrl + "/api/admin/projections")) {
                caughtUp &= readModel.path("lag").asLong() == 0;
            }
            if (caughtUp) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("The read models did not catch up within 5 minutes");
    }

    /** The benchmark calls the services directly, as an administrator vouched for with the suite's secret. */
    private HttpRequest.Builder signed(HttpRequest.Builder request) {
        return request.header(IdentityHeader.NAME, operator.token());
    }

    private JsonNode get(String url) throws Exception {
        HttpResponse<String> response = http.send(
                signed(HttpRequest.newBuilder(URI.create(url))).build(), HttpResponse.BodyHandlers.ofString());
        return json.readTree(response.body());
    }

    /**
     * Samples each read model's head and position: a head seen at t has reached the read model at the first sample
     * whose position is at or past it, and the difference is that event's lag (to within a sampling period).
     */
    private final class LagSampler {

        static final int PERIOD_MILLIS = 100;

        private final String baseUrl;
        private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        private final Map<String, List<long[]>> pending = new HashMap<>();
        private final ConcurrentLinkedQueue<Long> lags = new ConcurrentLinkedQueue<>();
        private final long startNanos = System.nanoTime();
        private final Map<Long, Long> worstByTenSeconds = new ConcurrentSkipListMap<>();
        private final AtomicLong polls = new AtomicLong();
        private final AtomicLong caughtUpPolls = new AtomicLong();

        LagSampler(String baseUrl) {
            this.baseUrl = baseUrl;
            sampler.scheduleAtFixedRate(this::sample, 0, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        }

        private void sample() {
            try {
                long now = System.nanoTime();
                for (JsonNode readModel : get(baseUrl + "/api/admin/projections")) {
                    List<long[]> heads =
                            pending.computeIfAbsent(readModel.path("name").asText(), name -> new ArrayList<>());
                    long head = readModel.path("head").asLong();
                    long position = readModel.path("position").isNull()
                            ? -1
                            : readModel.path("position").asLong();
                    if (head > position && (heads.isEmpty() || heads.get(heads.size() - 1)[0] < head)) {
                        heads.add(new long[] {head, now});
                    }
                    heads.removeIf(seen -> {
                        if (position >= seen[0]) {
                            lags.add(now - seen[1]);
                            worstByTenSeconds.merge(
                                    TimeUnit.NANOSECONDS.toSeconds(seen[1] - startNanos) / 10,
                                    now - seen[1],
                                    Math::max);
                            return true;
                        }
                        return false;
                    });
                    polls.incrementAndGet();
                    if (head <= position) {
                        caughtUpPolls.incrementAndGet();
                    }
                }
            } catch (Exception e) {
                System.err.println("lag sample failed: " + e);
            }
        }

        void stop() throws InterruptedException {
            sampler.shutdown();
            sampler.awaitTermination(5, TimeUnit.SECONDS);
        }

        List<Long> lags() {
            return new ArrayList<>(lags);
        }

        /** The worst lag of the heads seen in each ten seconds of the load, in order. */
        String worstByTenSeconds() {
            StringBuilder windows = new StringBuilder();
            worstByTenSeconds.forEach((window, worst) -> windows.append(
                    String.format(Locale.ROOT, "%n  %3d-%3d s: %s", window * 10, window * 10 + 10, millis(worst))));
            return windows.toString();
        }

        String caughtUpShare() {
            return String.format(Locale.ROOT, "%d of %d polls", caughtUpPolls.get(), polls.get());
        }
    }

    private static long percentile(List<Long> values, int percentile) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%d MiB", bytes / (1024 * 1024));
    }
}
