package org.giaoban.reporting.audit.offline;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.giaoban.reporting.briefing.query.BriefingCalculator;
import org.giaoban.reporting.briefing.query.BriefingReport;
import org.giaoban.reporting.briefing.query.BriefingReports;
import org.giaoban.reporting.briefing.query.BriefingRequest;
import org.giaoban.reporting.source.EventSourceProperties;
import org.giaoban.reporting.source.EventSources;
import org.giaoban.reporting.source.ServiceEventSource;
import org.giaoban.units.UnitCatalogue;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * The briefing recomputed from exported files alone: each export's events are put back, row for row as the export
 * shows them, into a scratch event store of the platform's layout (an H2 file), and reporting-service's own fold
 * ({@link BriefingReports#folded}) counts them, as it does for a report "as recorded at". The answer is written as the
 * API writes it, so that it can be compared byte for byte with {@code GET /api/reports/briefing}.
 */
public final class ExportReplay {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** As reporting-service's web layer writes its answers (Spring Boot's defaults, every property shown). */
    private static final ObjectMapper API_JSON = Jackson2ObjectMapperBuilder.json()
            .serializationInclusion(JsonInclude.Include.ALWAYS)
            .featuresToDisable(
                    SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .build();

    private ExportReplay() {}

    /** The briefing of {@code request} over the exports in {@code exports}, as the API's JSON bytes. */
    public static byte[] replay(List<Path> exports, BriefingRequest request, Path scratch, Clock clock)
            throws IOException, SQLException {
        Map<String, String> urls = new HashMap<>();
        for (String service : List.of(EventSources.TASKS, EventSources.TRAINING)) {
            String url = "jdbc:h2:" + scratch.resolve(service).toAbsolutePath();
            Flyway.configure()
                    .dataSource(url, "sa", "")
                    .locations("classpath:db/migration/platform/h2")
                    .load()
                    .migrate();
            urls.put(service, url);
        }
        for (Path export : exports) {
            load(export.resolve(AuditExport.EVENTS), urls);
        }
        try (EventSources sources = new EventSources(
                new ServiceEventSource(EventSources.TASKS, connection(urls.get(EventSources.TASKS))),
                new ServiceEventSource(EventSources.TRAINING, connection(urls.get(EventSources.TRAINING))))) {
            LocalDate day = request.recordedAt() == null
                    ? LocalDate.now(clock.withZone(UnitCatalogue.COMMISSION_ZONE))
                    : LocalDate.ofInstant(request.recordedAt(), UnitCatalogue.COMMISSION_ZONE);
            BriefingReport report =
                    BriefingReports.folded(sources, new BriefingCalculator(UnitCatalogue.hanoi()), request, day);
            return API_JSON.writeValueAsBytes(report);
        }
    }

    private static EventSourceProperties.Connection connection(String url) {
        // Not an "h2:file:" URL: the scratch store is this process's own, opened directly rather than served.
        return new EventSourceProperties.Connection(url, "sa", "");
    }

    /** Puts every line of an export back as the row it was exported from, in the store of its service. */
    private static void load(Path events, Map<String, String> urls) throws IOException, SQLException {
        Map<String, Connection> connections = new HashMap<>();
        Map<String, PreparedStatement> inserts = new HashMap<>();
        try (BufferedReader lines = Files.newBufferedReader(events, StandardCharsets.UTF_8)) {
            for (String text = lines.readLine(); text != null; text = lines.readLine()) {
                JsonNode line = JSON.readTree(text);
                String service = line.path("service").asText();
                if (!urls.containsKey(service)) {
                    throw new IOException(events + " holds an event of an unknown service: " + service);
                }
                PreparedStatement insert = inserts.computeIfAbsent(service, name -> prepare(name, urls, connections));
                insert.setLong(1, line.path("position").asLong());
                insert.setString(2, line.path("eventId").asText());
                insert.setString(3, text(line.path("aggregateType")));
                insert.setString(4, line.path("aggregateId").asText());
                insert.setLong(5, line.path("sequence").asLong());
                insert.setString(6, line.path("type").asText());
                insert.setString(7, text(line.path("revision")));
                insert.setString(8, line.path("recordedAt").asText());
                JsonNode payload = line.path("payload");
                insert.setString(9, payload.isTextual() ? payload.asText() : JSON.writeValueAsString(payload));
                insert.setString(10, JSON.writeValueAsString(line.path("metadata")));
                insert.executeUpdate();
            }
        } finally {
            for (Connection connection : connections.values()) {
                connection.close();
            }
        }
    }

    private static PreparedStatement prepare(String service, Map<String, String> urls, Map<String, Connection> open) {
        try {
            JdbcDataSource dataSource = new JdbcDataSource();
            dataSource.setURL(urls.get(service));
            dataSource.setUser("sa");
            Connection connection = dataSource.getConnection();
            open.put(service, connection);
            return connection.prepareStatement("INSERT INTO domain_event_entry (global_index, event_identifier, type,"
                    + " aggregate_identifier, sequence_number, payload_type, payload_revision, time_stamp, payload,"
                    + " meta_data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open the scratch store of " + service, e);
        }
    }

    private static String text(JsonNode node) {
        return node.isNull() || node.isMissingNode() ? null : node.asText();
    }
}
