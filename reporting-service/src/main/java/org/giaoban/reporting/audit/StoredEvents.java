package org.giaoban.reporting.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.giaoban.platform.ledger.StoredEventRow;

/**
 * A cursor over a service's stored events, each with the leaf the service's ledger sealed it as (if it is sealed
 * yet), in the order of their global position. The rows come a few at a time ({@link #ROWS_PER_FETCH}): PostgreSQL
 * streams them from a server-side cursor, which it opens only outside auto-commit; H2 fetches them in pages over its
 * server connection. The query runs when the cursor is opened, so a store that is away fails before an answer begins.
 */
public final class StoredEvents implements AutoCloseable {

    /**
     * Rows fetched per round trip. One event of contest entries holds up to 10,000 entries (about 1 MB of JSON), so a
     * page of a few hundred such rows would hold hundreds of megabytes.
     */
    static final int ROWS_PER_FETCH = 50;

    private static final HexFormat HEX = HexFormat.of();

    private static final String EVENT_COLUMNS = Arrays.stream(StoredEventRow.COLUMNS.split(","))
            .map(column -> "e." + column.strip())
            .collect(Collectors.joining(", "));

    private final Connection connection;
    private final PreparedStatement statement;
    private final ResultSet rows;
    private final EventQuery query;
    private long returned;

    private StoredEvents(Connection connection, PreparedStatement statement, ResultSet rows, EventQuery query) {
        this.connection = connection;
        this.statement = statement;
        this.rows = rows;
        this.query = query;
    }

    /** Runs the query on one of the store's connections, which the cursor holds until it is closed. */
    public static StoredEvents open(DataSource store, EventQuery query) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ")
                .append(EVENT_COLUMNS)
                .append(", n.node_index AS leaf_index, n.hash AS leaf_hash FROM domain_event_entry e")
                .append(" LEFT JOIN ledger_node n ON n.level = 0 AND n.global_index = e.global_index")
                .append(" WHERE e.global_index > ?");
        List<Object> parameters = new ArrayList<>(List.of(query.after()));
        if (query.aggregateId() != null) {
            sql.append(" AND e.aggregate_identifier = ?");
            parameters.add(query.aggregateId());
        }
        // time_stamp is ISO-8601 text with as many fractional digits as the instant needs, so text order is time
        // order only to the second: the query bounds by the second, and each row is then compared as an instant.
        if (query.recordedFrom() != null) {
            sql.append(" AND e.time_stamp >= ?");
            parameters.add(secondOf(query.recordedFrom()));
        }
        if (query.recordedTo() != null) {
            sql.append(" AND e.time_stamp < ?");
            parameters.add(secondOf(query.recordedTo().plusSeconds(1)));
        }
        sql.append(" ORDER BY e.global_index");
        Connection connection = store.getConnection();
        try {
            connection.setAutoCommit(false);
            PreparedStatement statement = connection.prepareStatement(
                    sql.toString(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(ROWS_PER_FETCH);
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            return new StoredEvents(connection, statement, statement.executeQuery(), query);
        } catch (SQLException | RuntimeException failure) {
            connection.close();
            throw failure;
        }
    }

    /** The next event the query asks for, or null after the last. */
    public SealedRow next() throws SQLException {
        if (query.limit() != null && returned >= query.limit()) {
            return null;
        }
        while (rows.next()) {
            StoredEventRow row = StoredEventRow.read(rows);
            if (!recordedInRange(row.timeStamp())) {
                continue;
            }
            long leafIndex = rows.getLong("leaf_index");
            boolean sealed = !rows.wasNull();
            byte[] leafHash = rows.getBytes("leaf_hash");
            returned++;
            return new SealedRow(row, sealed ? leafIndex : null, sealed ? HEX.formatHex(leafHash) : null);
        }
        return null;
    }

    private boolean recordedInRange(String timeStamp) {
        if (query.recordedFrom() == null && query.recordedTo() == null) {
            return true;
        }
        Instant recorded;
        try {
            recorded = Instant.parse(timeStamp);
        } catch (DateTimeParseException | NullPointerException unreadable) {
            // Not written by the event store: shown, not hidden, as the text already lies within the bounds.
            return true;
        }
        return (query.recordedFrom() == null || !recorded.isBefore(query.recordedFrom()))
                && (query.recordedTo() == null || !recorded.isAfter(query.recordedTo()));
    }

    private static String secondOf(Instant instant) {
        String text = instant.truncatedTo(ChronoUnit.SECONDS).toString();
        return text.substring(0, text.length() - 1);
    }

    @Override
    public void close() throws SQLException {
        try (connection;
                statement;
                rows) {
            connection.rollback();
        }
    }

    /** A stored row with its leaf index and hex leaf hash, both null while it is not sealed. */
    public record SealedRow(StoredEventRow row, Long leafIndex, String leafHash) {}
}
