package org.giaoban.reporting.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.SQLException;
import org.giaoban.platform.ledger.LedgerEvent;

/**
 * The events of one service as NDJSON, one {@link LedgerEvent#toJson() export form} a line with the {@code leafHash}
 * the service sealed: exactly the JSON whose canonical form is the leaf, so an auditor recomputes each leaf from the
 * line itself. An event not sealed yet has {@code leafIndex} null and no {@code leafHash}: its leaf index is known only
 * once no earlier position can still be filled.
 */
public final class EventExport {

    /** Lines written between flushes, so that a slow reader sees progress and the buffer stays small. */
    private static final int LINES_PER_FLUSH = 1000;

    private final ObjectMapper json;

    public EventExport(ObjectMapper json) {
        this.json = json.copy().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    /** Writes every event of the cursor, one line each; answers how many. */
    public long write(String service, StoredEvents events, OutputStream out) throws IOException, SQLException {
        long written = 0;
        try (JsonGenerator lines = json.createGenerator(out)) {
            for (StoredEvents.SealedRow sealed = events.next(); sealed != null; sealed = events.next()) {
                lines.writeTree(line(service, sealed));
                lines.writeRaw('\n');
                if (++written % LINES_PER_FLUSH == 0) {
                    lines.flush();
                }
            }
        }
        return written;
    }

    /** The export form of one stored row, as a line of the export shows it. */
    public static ObjectNode line(String service, StoredEvents.SealedRow sealed) {
        long leafIndex = sealed.leafIndex() == null ? -1 : sealed.leafIndex();
        ObjectNode line = LedgerEvent.of(service, leafIndex, sealed.row()).toJson();
        if (sealed.leafIndex() == null) {
            line.putNull("leafIndex");
        } else {
            line.put("leafHash", sealed.leafHash());
        }
        return line;
    }
}
