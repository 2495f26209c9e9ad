package org.giaoban.platform.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One row of {@code domain_event_entry} exactly as stored: text as text, nothing decoded or decrypted. The ledger
 * hashes this, so what a field's encryption leaves in the row (ciphertext included) is what is sealed.
 */
public record StoredEventRow(
        long globalIndex,
        String eventIdentifier,
        String type,
        String aggregateIdentifier,
        long sequenceNumber,
        String payloadType,
        String payloadRevision,
        String timeStamp,
        String payload,
        String metaData) {

    /** The columns {@link #read} expects, for a {@code SELECT} on {@code domain_event_entry}. */
    public static final String COLUMNS = "global_index, event_identifier, type, aggregate_identifier, sequence_number,"
            + " payload_type, payload_revision, time_stamp, payload, meta_data";

    /** The row under the result set's cursor, selected with {@link #COLUMNS}. */
    public static StoredEventRow read(ResultSet row) throws SQLException {
        return new StoredEventRow(
                row.getLong("global_index"),
                row.getString("event_identifier"),
                row.getString("type"),
                row.getString("aggregate_identifier"),
                row.getLong("sequence_number"),
                row.getString("payload_type"),
                row.getString("payload_revision"),
                row.getString("time_stamp"),
                row.getString("payload"),
                row.getString("meta_data"));
    }
}
