package org.giaoban.suite.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.giaoban.platform.jdbc.H2EventFile;

/**
 * A service's event store as an auditor reads it: the embedded H2 file under the data directory, reached through the
 * server the service runs for it ({@link H2EventFile}), with plain SQL.
 */
final class StoredEvents {

    /** One row of {@code domain_event_entry}. */
    record StoredEvent(long sequence, String payloadType, JsonNode payload, JsonNode metadata) {}

    private final String url;
    private final DataSource store;

    StoredEvents(Path dataDir, String service) {
        this.url = "jdbc:h2:file:" + dataDir.resolve(service).resolve("events").toAbsolutePath();
        this.store = H2EventFile.servedBy(url);
    }

    /** The events of one aggregate, in order. */
    List<StoredEvent> ofAggregate(String aggregateId) {
        return query(
                "select sequence_number, payload_type, payload, meta_data from domain_event_entry"
                        + " where aggregate_identifier = ? order by sequence_number",
                aggregateId);
    }

    /** The events whose payload contains the text anywhere. */
    List<StoredEvent> mentioning(String text) {
        return query(
                "select sequence_number, payload_type, payload, meta_data from domain_event_entry"
                        + " where payload like ? order by global_index",
                "%" + text + "%");
    }

    /** The global position of the last event stored, or -1 when there is none. */
    long head() {
        try (Connection connection = store.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("select coalesce(max(global_index), -1) from domain_event_entry");
                ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("The event store at " + url + " could not be read", e);
        }
    }

    /** How many events the store holds. */
    long count() {
        try (Connection connection = store.getConnection();
                PreparedStatement statement = connection.prepareStatement("select count(*) from domain_event_entry");
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("The event store at " + url + " could not be read", e);
        }
    }

    private List<StoredEvent> query(String sql, String parameter) {
        try (Connection connection = store.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            List<StoredEvent> events = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    events.add(new StoredEvent(
                            rows.getLong(1),
                            rows.getString(2),
                            json(text(rows.getObject(3))),
                            json(text(rows.getObject(4)))));
                }
            }
            return events;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("The event store at " + url + " could not be read", e);
        }
    }

    /** Payload and metadata are JSON text; the column may be text or binary depending on the schema. */
    private static String text(Object column) throws SQLException, IOException {
        if (column == null) {
            return "null";
        }
        if (column instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (column instanceof Blob blob) {
            return new String(blob.getBytes(1, (int) blob.length()), StandardCharsets.UTF_8);
        }
        if (column instanceof Clob clob) {
            try (Reader reader = clob.getCharacterStream()) {
                StringWriter text = new StringWriter();
                reader.transferTo(text);
                return text.toString();
            }
        }
        return column.toString();
    }

    private static JsonNode json(String text) {
        try {
            return Answer.JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Not JSON in the event store: " + text, e);
        }
    }
}
