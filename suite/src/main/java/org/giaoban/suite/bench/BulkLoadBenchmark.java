package org.giaoban.suite.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.giaoban.identity.IdentityHeader;
import org.giaoban.suite.reference.Operator;

/**
 * Loads a reference year's enrolments and a contest's entries into training-service through its bulk endpoints,
 * then inserts the same rows into the same database with plain JDBC batches, and prints throughput, the ratio of the
 * two, and the service's memory.
 *
 * <pre>
 * ./mvnw -B -q -DskipTests install
 * ./mvnw -B -q -pl suite exec:java -Dexec.args="--stores embedded"
 * ./mvnw -B -q -pl suite exec:java -Dexec.args="--stores postgres --postgres jdbc:postgresql://127.0.0.1:5432/postgres"
 * </pre>
 *
 * Options: {@code --enrolments N} (default 230516), {@code --entries N} (1000000; 0 skips the contest),
 * {@code --participants N} (700000), {@code --batch N} (10000 contest entries a request), {@code --heap 1g},
 * {@code --port 18082}, {@code --jar PATH}, {@code --keep yes} (keep the data directory and database).
 */
public final class BulkLoadBenchmark {

    private static final long SEED = 20_220_908L;
    /** A fixed key for a throw-away database: never a key of real data. */
    private static final String BENCHMARK_MASTER_KEY = "YmVuY2htYXJrLW9ubHktbWFzdGVyLWtleS0zMmJ5dGU=";

    private static final Instant CONTEST_OPENS = Instant.parse("2022-05-01T00:00:00Z");

    private final Map<String, String> options;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();
    private Operator operator;

    private BulkLoadBenchmark(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        new BulkLoadBenchmark(options).run();
    }

    private void run() throws Exception {
        String stores = options.getOrDefault("stores", "embedded");
        int enrolments = Integer.parseInt(options.getOrDefault("enrolments", "230516"));
        int entries = Integer.parseInt(options.getOrDefault("entries", "1000000"));
        int participants = Integer.parseInt(options.getOrDefault("participants", "700000"));
        int batch = Integer.parseInt(options.getOrDefault("batch", "10000"));
        Path root = repositoryRoot();
        Path jar = Path.of(options.getOrDefault(
                "jar",
                root.resolve("training-service/training-app/target/training-app-0.1.0-SNAPSHOT-exec.jar")
                        .toString()));
        Path work = Files.createTempDirectory("giaoban-bench");
        operator = Operator.named("bulk-load-benchmark", work);
        Map<String, String> environment = new HashMap<>();
        environment.put("GIAOBAN_DATA_DIR", work.toString());
        ServiceProcess.StoreLogin store = null;
        String postgresServer = options.getOrDefault("postgres", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String database = "giaoban_bench_" + System.currentTimeMillis();
        if (stores.equals("postgres")) {
            execute(postgresServer, "CREATE DATABASE " + database);
            String jdbcUrl = postgresServer.substring(0, postgresServer.lastIndexOf('/') + 1) + database;
            store = new ServiceProcess.StoreLogin(jdbcUrl, "postgres", "");
            environment.put("SPRING_DATASOURCE_URL", jdbcUrl);
            environment.put("SPRING_DATASOURCE_USERNAME", "postgres");
            environment.put("SPRING_DATASOURCE_PASSWORD", "");
            // On PostgreSQL training-service needs its personal-data master key as a setting.
            environment.put("GIAOBAN_PERSONAL_DATA_MASTER_KEY", BENCHMARK_MASTER_KEY);
        }
        System.out.printf(
                "training-service bulk load on %s stores: %,d enrolments, %,d contest entries (%,d participants)%n",
                stores, enrolments, entries, participants);
        try (ServiceProcess service = ServiceProcess.start(
                jar,
                Integer.parseInt(options.getOrDefault("port", "18082")),
                options.getOrDefault("heap", "1g"),
                environment,
                work.resolve("service.log"))) {
            List<ReferenceLoad.PlannedClass> classes = ReferenceLoad.classes(enrolments, SEED);
            Phase enrolPhase = loadEnrolments(service, classes);
            Phase contestPhase = entries > 0 ? loadContest(service, entries, participants, batch) : null;
            Duration readModel = entries > 0 ? awaitContestReadModel(service, contestPhase.id(), entries) : null;
            long peakRss = service.peakResidentBytes();
            long peakHeap = service.peakHeapBytes();

            if (store == null) {
                store = ServiceProcess.servedEventStore(work.resolve("training-service/events"));
            }
            Duration enrolJdbc = jdbcEnrolments(store, classes);
            Duration contestJdbc = entries > 0 ? jdbcEntries(store, entries, participants, batch) : null;

            System.out.println();
            System.out.println("| what | rows | through the API | rows/s | plain JDBC batch | rows/s | ratio |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|");
            row("enrolments (" + classes.size() + " class lists)", enrolments, enrolPhase.took(), enrolJdbc);
            if (contestPhase != null) {
                row("contest entries (batches of " + batch + ")", entries, contestPhase.took(), contestJdbc);
                System.out.printf(
                        "%ncontest read model showed all %,d entries %s after the last batch was accepted%n",
                        entries, seconds(readModel));
                System.out.println(
                        "live heap (after a full GC) at each tenth of the contest load: " + contestPhase.heapTrace());
            }
            System.out.printf(
                    "service JVM (-Xmx%s): peak resident %s, peak heap in use %s%n",
                    options.getOrDefault("heap", "1g"), mib(peakRss), mib(peakHeap));
        } finally {
            if (!options.containsKey("keep")) {
                if (stores.equals("postgres")) {
                    execute(postgresServer, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                }
                deleteRecursively(work);
            }
        }
    }

    record Phase(String id, Duration took, List<String> heapTrace) {}

    private Phase loadEnrolments(ServiceProcess service, List<ReferenceLoad.PlannedClass> classes) throws Exception {
        List<String> classIds = new ArrayList<>();
        for (ReferenceLoad.PlannedClass planned : classes) {
            String body = json.writeValueAsString(Map.of(
                    "title", planned.title(),
                    "organizerUnitId", planned.organizerUnitId(),
                    "bloc", planned.bloc(),
                    "format", "IN_PERSON",
                    "startsOn", planned.startsOn().toString(),
                    "endsOn", planned.startsOn().plusDays(4).toString()));
            classIds.add(post(service.baseUrl() + "/api/classes", "application/json", body, 201)
                    .path("id")
                    .asText());
        }
        long start = System.nanoTime();
        ExecutorService senders = Executors.newFixedThreadPool(2);
        List<Future<JsonNode>> answers = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            String url = service.baseUrl() + "/api/classes/" + classIds.get(c) + "/enrolments/batch";
            String csv = csvOf(classes.get(c).learners());
            answers.add(senders.submit(() -> post(url, "text/csv", csv, 200)));
        }
        long accepted = 0;
        for (Future<JsonNode> answer : answers) {
            accepted += answer.get().path("accepted").asLong();
        }
        senders.shutdown();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        long expected = classes.stream().mapToLong(c -> c.learners().size()).sum();
        if (accepted != expected) {
            throw new IllegalStateException("Enrolled " + accepted + " learner-turns, expected " + expected);
        }
        return new Phase(null, took, List.of());
    }

    private Phase loadContest(ServiceProcess service, int entries, int participants, int batch) throws Exception {
        String contest = json.writeValueAsString(Map.of(
                "title",
                "Cuộc thi trực tuyến tìm hiểu Nghị quyết 15-NQ/TW",
                "subject",
                "Nghị quyết 15-NQ/TW",
                "opensAt",
                CONTEST_OPENS.toString(),
                "closesAt",
                CONTEST_OPENS.plus(Duration.ofDays(60)).toString()));
        String contestId = post(service.baseUrl() + "/api/contests", "application/json", contest, 201)
                .path("id")
                .asText();
        String url = service.baseUrl() + "/api/contests/" + contestId + "/entries/batch";
        List<String> heapTrace = new ArrayList<>();
        long start = System.nanoTime();
        long accepted = 0;
        int tenth = Math.max(1, entries / 10);
        for (int from = 0; from < entries; from += batch) {
            int count = Math.min(batch, entries - from);
            StringBuilder body = new StringBuilder(count * 110).append("{\"entries\":[");
            List<String[]> rows = ReferenceLoad.contestEntries(from, count, participants, CONTEST_OPENS, SEED);
            for (int i = 0; i < rows.size(); i++) {
                String[] row = rows.get(i);
                body.append(i == 0 ? "" : ",")
                        .append("{\"participantId\":\"")
                        .append(row[0])
                        .append("\",\"unitId\":\"")
                        .append(row[1])
                        .append("\",\"submittedAt\":\"")
                        .append(row[2])
                        .append("\",\"score\":")
                        .append(row[3])
                        .append('}');
            }
            body.append("]}");
            JsonNode answer = post(url, "application/json", body.toString(), 202);
            accepted += answer.path("accepted").asLong();
            if ((from + count) % tenth < batch || from + count == entries) {
                heapTrace.add(mib(service.liveHeapBytes()));
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (accepted != entries) {
            throw new IllegalStateException("Recorded " + accepted + " entries, expected " + entries);
        }
        return new Phase(contestId, took, heapTrace);
    }

    private Duration awaitContestReadModel(ServiceProcess service, String contestId, int entries) throws Exception {
        long start = System.nanoTime();
        while (true) {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/contests/" + contestId))
                            .header(IdentityHeader.NAME, operator.token())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200
                    && json.readTree(answer.body()).path("entries").asLong() >= entries) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            if (Duration.ofNanos(System.nanoTime() - start).toMinutes() >= 10) {
                throw new IllegalStateException("The contest read model did not catch up within 10 minutes");
            }
            Thread.sleep(100);
        }
    }

    private Duration jdbcEnrolments(ServiceProcess.StoreLogin store, List<ReferenceLoad.PlannedClass> classes)
            throws SQLException {
        try (Connection connection = connect(store)) {
            execute(
                    connection,
                    "CREATE TABLE bench_enrolment (class_no INTEGER NOT NULL, learner_id VARCHAR(64) NOT NULL,"
                            + " full_name VARCHAR(200) NOT NULL, unit_id VARCHAR(64) NOT NULL, PRIMARY KEY (class_no, learner_id))");
            long start = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO bench_enrolment (class_no, learner_id, full_name, unit_id) VALUES (?, ?, ?, ?)")) {
                for (int c = 0; c < classes.size(); c++) {
                    for (String[] learner : classes.get(c).learners()) {
                        insert.setInt(1, c);
                        insert.setString(2, learner[0]);
                        insert.setString(3, learner[1]);
                        insert.setString(4, learner[2]);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    connection.commit();
                }
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            execute(connection, "DROP TABLE bench_enrolment");
            return took;
        }
    }

    private Duration jdbcEntries(ServiceProcess.StoreLogin store, int entries, int participants, int batch)
            throws SQLException {
        try (Connection connection = connect(store)) {
            execute(
                    connection,
                    "CREATE TABLE bench_contest_entry (entry_no BIGINT PRIMARY KEY, participant_id VARCHAR(64)"
                            + " NOT NULL, unit_id VARCHAR(64) NOT NULL, submitted_at VARCHAR(40) NOT NULL, score INTEGER)");
            long start = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_contest_entry"
                    + " (entry_no, participant_id, unit_id, submitted_at, score) VALUES (?, ?, ?, ?, ?)")) {
                for (int from = 0; from < entries; from += batch) {
                    int count = Math.min(batch, entries - from);
                    List<String[]> rows = ReferenceLoad.contestEntries(from, count, participants, CONTEST_OPENS, SEED);
                    for (int i = 0; i < rows.size(); i++) {
                        String[] row = rows.get(i);
                        insert.setLong(1, from + i);
                        insert.setString(2, row[0]);
                        insert.setString(3, row[1]);
                        insert.setString(4, row[2]);
                        insert.setInt(5, Integer.parseInt(row[3]));
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    connection.commit();
                }
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            execute(connection, "DROP TABLE bench_contest_entry");
            return took;
        }
    }

    private JsonNode post(String url, String contentType, String body, int expectedStatus)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofMinutes(5))
                .header(IdentityHeader.NAME, operator.token())
                .header("Content-Type", contentType + "; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expectedStatus) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(500, response.body().length())));
        }
        return json.readTree(response.body());
    }

    private static String csvOf(List<String[]> learners) {
        StringBuilder csv = new StringBuilder(learners.size() * 48).append("learnerId,fullName,unitId\n");
        for (String[] learner : learners) {
            csv.append(learner[0])
                    .append(',')
                    .append(learner[1])
                    .append(',')
                    .append(learner[2])
                    .append('\n');
        }
        return csv.toString();
    }

    private static void row(String what, long rows, Duration api, Duration jdbc) {
        System.out.printf(
                Locale.ROOT,
                "| %s | %,d | %s | %,.0f | %s | %,.0f | %.1f× |%n",
                what,
                rows,
                seconds(api),
                rows / (api.toNanos() / 1e9),
                seconds(jdbc),
                rows / (jdbc.toNanos() / 1e9),
                (double) api.toNanos() / jdbc.toNanos());
    }

    private static Connection connect(ServiceProcess.StoreLogin store) throws SQLException {
        Connection connection = store.connect();
        connection.setAutoCommit(false);
        return connection;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        connection.commit();
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        for (Path candidate = here; candidate != null; candidate = candidate.getParent()) {
            if (Files.exists(candidate.resolve("mvnw")) && Files.isDirectory(candidate.resolve("training-service"))) {
                return candidate;
            }
        }
        return here;
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private static String mib(long bytes) {
        return bytes < 0 ? "?" : String.format(Locale.ROOT, "%d MiB", bytes / (1024 * 1024));
    }
}
