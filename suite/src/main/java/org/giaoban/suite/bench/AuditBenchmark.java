package org.giaoban.suite.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.giaoban.identity.IdentityHeader;
import org.giaoban.suite.reference.Operator;
import org.giaoban.units.Unit;
import org.giaoban.units.UnitCatalogue;

/**
 * The auditors' ledger on a store of a million events: tasks-service (which seals its ledger) and reporting-service
 * (which serves the audit endpoints) from their jars, on new PostgreSQL databases ({@code --stores postgres}, the
 * default, on the server of {@code --postgres}, user {@code postgres} without a password) or on fresh embedded stores
 * ({@code --stores embedded}); training-service runs idle beside them. Then:
 *
 * <ol>
 *   <li>one document issued through tasks-service's API, and its stored row copied with fresh ids, numbers, units and
 *       dates until the store holds {@code --events} (1,000,000) single-command events as the service writes them;
 *       the copies go in with multi-row INSERTs, as the service's own login, while the service runs and seals;
 *   <li>the time until the latest signed tree head (read from the ledger's table) covers them all;
 *   <li>on PostgreSQL tasks-service then stops, so that its own read models do not compete with what is measured
 *       (reporting-service reads the store itself), and reporting-service starts: its read models, which it builds
 *       from the whole history, catch up during the measurements, and the harness says how far behind they were;
 *   <li>a plain JDBC read of the event table (every column, in order), {@code GET /api/audit/verify} twice,
 *       {@code GET /api/audit/events} (the whole history as NDJSON) twice and the plain read again, each over the same
 *       store (the first pass of each also pays for compiling the service's code); reporting-service runs with a heap
 *       smaller than the export ({@code --reporting-heap}, 512m);
 *   <li>1,000 inclusion and 1,000 consistency proofs at random, one at a time, after 100 of each to warm up.
 * </ol>
 *
 * <pre>
 * ./mvnw -B -q -DskipTests package
 * java -cp "suite/target/classes:$(cat suite/target/runtime-classpath.txt)" org.giaoban.suite.bench.AuditBenchmark
 * </pre>
 */
public final class AuditBenchmark {

    private static final int TASKS_PORT = 18281;
    private static final int REPORTING_PORT = 18283;
    private static final int TRAINING_PORT = 18282;
    /** Rows per INSERT statement: H2's client sends each row of a JDBC batch on its own, a statement at once. */
    private static final int ROWS_PER_INSERT = 500;

    private static final int ROWS_PER_COMMIT = 5_000;
    private static final int PROOFS = 1_000;
    private static final int WARM_UP = 100;

    private final Map<String, String> options;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();
    private Operator operator;

    private AuditBenchmark(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        new AuditBenchmark(options).run();
    }

    private void run() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("mvnw"))) {
            root = root.getParent();
        }
        int events = Integer.parseInt(options.getOrDefault("events", "1000000"));
        String stores = options.getOrDefault("stores", "postgres");
        Path work = Files.createTempDirectory("giaoban-audit-bench");
        operator = Operator.named("audit-benchmark", work);
        Map<String, String> tasksEnvironment = new HashMap<>(Map.of("GIAOBAN_DATA_DIR", work.toString()));
        Map<String, String> trainingEnvironment = new HashMap<>(tasksEnvironment);
        Map<String, String> reportingEnvironment = new HashMap<>(tasksEnvironment);
        String postgresServer = options.getOrDefault("postgres", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String suffix = Long.toString(System.currentTimeMillis());
        List<String> databases = List.of("giaoban_audit_tasks_" + suffix, "giaoban_audit_training_" + suffix);
        ServiceProcess.StoreLogin postgresStore = null;
        if (stores.equals("postgres")) {
            String base = postgresServer.substring(0, postgresServer.lastIndexOf('/') + 1);
            for (String database : databases) {
                execute(postgresServer, "CREATE DATABASE " + database);
            }
            postgresStore = new ServiceProcess.StoreLogin(base + databases.get(0), "postgres", "");
            tasksEnvironment.putAll(Map.of(
                    "SPRING_DATASOURCE_URL", base + databases.get(0),
                    "SPRING_DATASOURCE_USERNAME", "postgres",
                    "SPRING_DATASOURCE_PASSWORD", ""));
            trainingEnvironment.putAll(Map.of(
                    "SPRING_DATASOURCE_URL", base + databases.get(1),
                    "SPRING_DATASOURCE_USERNAME", "postgres",
                    "SPRING_DATASOURCE_PASSWORD", "",
                    "GIAOBAN_PERSONAL_DATA_MASTER_KEY", "YmVuY2htYXJrLW9ubHktbWFzdGVyLWtleS0zMmJ5dGU="));
            reportingEnvironment.putAll(Map.of(
                    "GIAOBAN_TASKS_EVENTS_URL",
                    base + databases.get(0),
                    "GIAOBAN_TASKS_EVENTS_USER",
                    "postgres",
                    "GIAOBAN_TRAINING_EVENTS_URL",
                    base + databases.get(1),
                    "GIAOBAN_TRAINING_EVENTS_USER",
                    "postgres"));
        }
        System.out.printf(Locale.ROOT, "the auditors' ledger over %,d events on %s stores%n", events, stores);
        ServiceProcess tasks = ServiceProcess.start(
                root.resolve("tasks-service/tasks-app/target/tasks-app-0.1.0-SNAPSHOT-exec.jar"),
                TASKS_PORT,
                options.getOrDefault("heap", "1g"),
                tasksEnvironment,
                work.resolve("tasks.log"));
        try (tasks;
                // Idle, but reporting-service reads its store too, and its operations answer only with both there.
                ServiceProcess training = ServiceProcess.start(
                        root.resolve("training-service/training-app/target/training-app-0.1.0-SNAPSHOT-exec.jar"),
                        TRAINING_PORT,
                        "512m",
                        trainingEnvironment,
                        work.resolve("training.log"))) {
            ServiceProcess.StoreLogin store = postgresStore != null
                    ? postgresStore
                    : ServiceProcess.servedEventStore(work.resolve("tasks-service/events"));
            issueOneDocument(tasks);

            long insertStart = System.nanoTime();
            long stored = copyTheEventUntil(store, events);
            Duration insert = Duration.ofNanos(System.nanoTime() - insertStart);
            System.out.printf(
                    Locale.ROOT,
                    "store: %,d events, %,d of them copied in %s (%,.0f rows/s)%n",
                    stored,
                    stored - 1,
                    seconds(insert),
                    rate(stored - 1, insert));

            Duration sealed = awaitSigned(store, stored);
            System.out.printf(
                    Locale.ROOT,
                    "latest signed tree head covered all %,d events %s after the last copy was committed"
                            + " (%s after the first)%n",
                    stored,
                    seconds(sealed),
                    seconds(insert.plus(sealed)));
            if (postgresStore != null) {
                tasks.close();
            }
            try (ServiceProcess reporting = ServiceProcess.start(
                    root.resolve("reporting-service/target/reporting-service-0.1.0-SNAPSHOT-exec.jar"),
                    REPORTING_PORT,
                    options.getOrDefault("reporting-heap", "512m"),
                    reportingEnvironment,
                    work.resolve("reporting.log"))) {
                measure(reporting, store, stored);
            }
        } finally {
            if (postgresStore != null && !"yes".equals(options.get("keep"))) {
                for (String database : databases) {
                    execute(postgresServer, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                }
            }
            if (!"yes".equals(options.get("keep"))) {
                deleteRecursively(work);
            } else {
                System.out.println("data directory kept: " + work);
            }
        }
    }

    private void measure(ServiceProcess reporting, ServiceProcess.StoreLogin store, long stored) throws Exception {
        long behindAtStart = readModelsBehind(reporting);
        PlainRead plain = plainRead(store);
        System.out.printf(
                Locale.ROOT,
                "plain JDBC read of the event table: %,d rows (%.1f MB of payload and metadata) in %s, %,.0f rows/s%n",
                plain.rows(),
                plain.bytes() / 1e6,
                seconds(plain.took()),
                rate(plain.rows(), plain.took()));

        // Twice each: the first pass also pays for compiling the service's code (at 100,000 events, most of it).
        for (String pass : List.of("first", "second")) {
            long verifyStart = System.nanoTime();
            JsonNode verified = getJson(reporting.baseUrl() + "/api/audit/verify?service=tasks");
            Duration verify = Duration.ofNanos(System.nanoTime() - verifyStart);
            if (!verified.path("verified").asBoolean()
                    || verified.path("events").asLong() != stored) {
                throw new IllegalStateException("verify did not pass over every event: " + verified);
            }
            System.out.printf(
                    Locale.ROOT,
                    "GET /api/audit/verify, %s pass: %,d events verified in %s, %,.0f events/s, %.2f × the plain read%n",
                    pass,
                    stored,
                    seconds(verify),
                    rate(stored, verify),
                    (double) plain.took().toNanos() / verify.toNanos());
        }

        for (String pass : List.of("first", "second")) {
            reporting.resetPeakHeap();
            Export export = export(reporting.baseUrl());
            if (export.lines() != stored) {
                throw new IllegalStateException("the export held " + export.lines() + " events, not " + stored);
            }
            System.out.printf(
                    Locale.ROOT,
                    "GET /api/audit/events, %s pass: %,d events (%.1f MB of NDJSON) in %s, %,.0f events/s, %.2f × the"
                            + " plain read; reporting-service's heap in use at most %s meanwhile (-Xmx%s)%n",
                    pass,
                    export.lines(),
                    export.bytes() / 1e6,
                    seconds(export.took()),
                    rate(export.lines(), export.took()),
                    (double) plain.took().toNanos() / export.took().toNanos(),
                    mib(reporting.peakHeapBytes()),
                    options.getOrDefault("reporting-heap", "512m"));
        }
        PlainRead again = plainRead(store);
        System.out.printf(
                Locale.ROOT,
                "plain JDBC read again: %s, %,.0f rows/s%n",
                seconds(again.took()),
                rate(again.rows(), again.took()));

        Random random = new Random(20_221_006L);
        List<Long> inclusion = proofs(reporting.baseUrl(), random, plain.positions(), true);
        List<Long> consistency = proofs(reporting.baseUrl(), random, plain.positions(), false);
        System.out.printf(
                Locale.ROOT,
                "inclusion proofs, %d at random in the tree of %,d: p50 %s, p99 %s, max %s%n",
                inclusion.size(),
                stored,
                millis(percentile(inclusion, 50)),
                millis(percentile(inclusion, 99)),
                millis(percentile(inclusion, 100)));
        System.out.printf(
                Locale.ROOT,
                "consistency proofs, %d between random sizes: p50 %s, p99 %s, max %s%n",
                consistency.size(),
                millis(percentile(consistency, 50)),
                millis(percentile(consistency, 99)),
                millis(percentile(consistency, 100)));
        System.out.printf(
                Locale.ROOT,
                "meanwhile reporting-service's read models were building from the start of the history: %,d events"
                        + " behind when the measurements began, %,d when they ended%n",
                behindAtStart,
                readModelsBehind(reporting));
    }

    private long readModelsBehind(ServiceProcess reporting) throws Exception {
        long lag = 0;
        for (JsonNode projection : getJson(reporting.baseUrl() + "/api/admin/projections")) {
            if (projection.path("service").asText().equals("tasks")) {
                lag = Math.max(lag, projection.path("lag").asLong());
            }
        }
        return lag;
    }

    private void issueOneDocument(ServiceProcess tasks) throws Exception {
        HttpResponse<String> issued = http.send(
                signed(HttpRequest.newBuilder(URI.create(tasks.baseUrl() + "/api/documents")))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"number\": \"1-KH/BTGTU\", \"title\": \"Kế"
                                + " hoạch tổ chức hội nghị quán triệt Nghị quyết Trung ương 5\", \"kind\": \"PLAN\","
                                + " \"unitId\": \"HN\", \"issuedOn\": \"2022-03-01\", \"taskId\": null}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (issued.statusCode() != 201) {
            throw new IllegalStateException(
                    "Issuing a document answered " + issued.statusCode() + ": " + issued.body());
        }
    }

    /**
     * Copies the one stored event, each copy a document issued by one command (its own aggregate id, event id, number
     * and instant), until the store holds {@code total} events; answers how many it holds. The copies go to every unit
     * of the catalogue and to the years from 1993 on, a thousand consecutive copies to each unit and year, as a city's
     * documents would be: reporting-service keeps one record of facts per unit and year, which a million documents in
     * one unit would make far larger than any real one.
     */
    private static long copyTheEventUntil(ServiceProcess.StoreLogin store, int total) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> units = UnitCatalogue.hanoi().all().stream().map(Unit::id).toList();
        try (Connection connection = store.connect()) {
            connection.setAutoCommit(false);
            String type;
            String payloadType;
            String payloadRevision;
            ObjectNode payload;
            String metaData;
            try (Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("SELECT type, payload_type, payload_revision, payload,"
                            + " meta_data FROM domain_event_entry ORDER BY global_index")) {
                if (!row.next()) {
                    throw new IllegalStateException("The issued document is not in the store");
                }
                type = row.getString(1);
                payloadType = row.getString(2);
                payloadRevision = row.getString(3);
                payload = (ObjectNode) json.readTree(row.getString(4));
                metaData = row.getString(5);
            }
            Instant start = Instant.now();
            String rowPlaceholders = "(?, ?, 0, ?, ?, ?, ?, ?, ?)";
            String columns = "INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number,"
                    + " type, time_stamp, payload_type, payload_revision, payload, meta_data) VALUES ";
            try (PreparedStatement insert = connection.prepareStatement(
                    columns + String.join(", ", Collections.nCopies(ROWS_PER_INSERT, rowPlaceholders)))) {
                int copies = total - 1;
                for (int first = 1; first <= copies; first += ROWS_PER_INSERT) {
                    int rows = Math.min(ROWS_PER_INSERT, copies - first + 1);
                    PreparedStatement statement = rows == ROWS_PER_INSERT
                            ? insert
                            : connection.prepareStatement(
                                    columns + String.join(", ", Collections.nCopies(rows, rowPlaceholders)));
                    int parameter = 1;
                    for (int i = first; i < first + rows; i++) {
                        String id = UUID.randomUUID().toString();
                        int group = i / 1_000;
                        payload.put("documentId", id)
                                .put("number", (i + 1) + "-KH/BTG")
                                .put("unitId", units.get(group % units.size()))
                                .put(
                                        "issuedOn",
                                        LocalDate.of(1993 + group / units.size(), 3, 1)
                                                .toString());
                        statement.setString(parameter++, UUID.randomUUID().toString());
                        statement.setString(parameter++, id);
                        statement.setString(parameter++, type);
                        statement.setString(
                                parameter++, start.plusNanos(i * 1_000L).toString());
                        statement.setString(parameter++, payloadType);
                        statement.setString(parameter++, payloadRevision);
                        statement.setString(parameter++, json.writeValueAsString(payload));
                        statement.setString(parameter++, metaData);
                    }
                    statement.executeUpdate();
                    if (statement != insert) {
                        statement.close();
                    }
                    if ((first + rows - 1) % ROWS_PER_COMMIT == 0 || first + rows - 1 == copies) {
                        connection.commit();
                    }
                }
            }
            try (Statement statement = connection.createStatement();
                    ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM domain_event_entry")) {
                count.next();
                return count.getLong(1);
            }
        }
    }

    /** Until the ledger's latest signed tree head, read from its table, covers {@code events}. */
    private static Duration awaitSigned(ServiceProcess.StoreLogin store, long events) throws Exception {
        long start = System.nanoTime();
        try (Connection connection = store.connect();
                PreparedStatement latest =
                        connection.prepareStatement("SELECT COALESCE(MAX(tree_size), 0) FROM ledger_tree_head")) {
            while (true) {
                try (ResultSet row = latest.executeQuery()) {
                    row.next();
                    if (row.getLong(1) >= events) {
                        return Duration.ofNanos(System.nanoTime() - start);
                    }
                }
                if (System.nanoTime() - start > Duration.ofMinutes(30).toNanos()) {
                    throw new IllegalStateException("No signed tree head covered the store within 30 minutes");
                }
                Thread.sleep(200);
            }
        }
    }

    private record PlainRead(long rows, long bytes, Duration took, long[] positions) {}

    private static PlainRead plainRead(ServiceProcess.StoreLogin store) throws SQLException {
        long start = System.nanoTime();
        long[] bytes = {0};
        List<Long> positions = new ArrayList<>();
        try (Connection connection = store.connect()) {
            // PostgreSQL's driver streams a result by the fetch size only inside a transaction.
            connection.setAutoCommit(false);
            readEveryRow(connection, positions, bytes);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        return new PlainRead(
                positions.size(),
                bytes[0],
                took,
                positions.stream().mapToLong(Long::longValue).toArray());
    }

    private static void readEveryRow(Connection connection, List<Long> positions, long[] bytes) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(1_000);
            try (ResultSet rows = statement.executeQuery("SELECT global_index, event_identifier, aggregate_identifier,"
                    + " sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data"
                    + " FROM domain_event_entry ORDER BY global_index")) {
                while (rows.next()) {
                    positions.add(rows.getLong(1));
                    for (int column = 2; column <= 10; column++) {
                        String value = rows.getString(column);
                        bytes[0] += value == null ? 0 : value.length();
                    }
                }
            }
        }
    }

    private record Export(long lines, long bytes, Duration took) {}

    private Export export(String reportingUrl) throws Exception {
        long start = System.nanoTime();
        HttpResponse<InputStream> response = http.send(
                signed(HttpRequest.newBuilder(URI.create(reportingUrl + "/api/audit/events?service=tasks")))
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The export answered " + response.statusCode());
        }
        long lines = 0;
        long bytes = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream body = response.body()) {
            for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                bytes += read;
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return new Export(lines, bytes, Duration.ofNanos(System.nanoTime() - start));
    }

    /** Inclusion proofs of random events in the latest tree, or consistency proofs between random tree sizes. */
    private List<Long> proofs(String reportingUrl, Random random, long[] positions, boolean inclusion)
            throws Exception {
        int size = positions.length;
        List<Long> latencies = new ArrayList<>(PROOFS);
        for (int i = 0; i < WARM_UP + PROOFS; i++) {
            String path;
            if (inclusion) {
                path = "/api/audit/proofs/inclusion?service=tasks&position=" + positions[random.nextInt(size)];
            } else {
                long from = 1 + random.nextInt(size - 1);
                long to = from + 1 + random.nextInt((int) (size - from));
                path = "/api/audit/proofs/consistency?service=tasks&from=" + from + "&to=" + to;
            }
            long start = System.nanoTime();
            HttpResponse<String> proof = http.send(
                    signed(HttpRequest.newBuilder(URI.create(reportingUrl + path)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - start;
            if (proof.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + proof.statusCode() + ": " + proof.body());
            }
            if (i >= WARM_UP) {
                latencies.add(took);
            }
        }
        return latencies;
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection connection = java.sql.DriverManager.getConnection(url, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private JsonNode getJson(String url) throws Exception {
        HttpResponse<String> response = http.send(
                signed(HttpRequest.newBuilder(URI.create(url))).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body());
    }

    private HttpRequest.Builder signed(HttpRequest.Builder request) {
        return request.header(IdentityHeader.NAME, operator.token());
    }

    private static double rate(long count, Duration took) {
        return count / (took.toNanos() / 1e9);
    }

    private static long percentile(List<Long> values, int percentile) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.2f s", duration.toNanos() / 1e9);
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%,d MiB", bytes / (1024 * 1024));
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
