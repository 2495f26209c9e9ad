package org.giaoban.reporting.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.SQLException;
import org.giaoban.platform.ledger.LedgerEvent;

/**
 * The history of one record as people read it: {@code {"service", "aggregateId", "aggregateType", "changes": [...]}},
 * each change its position, the event's type and the same in words ({@code TaskCompletedEvent} is "Task completed"),
 * its instant, who made it (actor, roles, unit from the event's metadata) and the reason the payload gives, if it has
 * one. Payloads are not shown: their personal fields stay as stored, in the export.
 */
public final class RecordHistory {

    private final ObjectMapper json;

    public RecordHistory(ObjectMapper json) {
        this.json = json.copy().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    /** Writes the history that begins with {@code first} and goes on with the rest of {@code events}. */
    public void write(String service, StoredEvents.SealedRow first, StoredEvents events, OutputStream out)
            throws IOException, SQLException {
        try (JsonGenerator history = json.createGenerator(out)) {
            history.writeStartObject();
            history.writeStringField("service", service);
            history.writeStringField("aggregateId", first.row().aggregateIdentifier());
            history.writeStringField("aggregateType", first.row().type());
            history.writeArrayFieldStart("changes");
            for (StoredEvents.SealedRow sealed = first; sealed != null; sealed = events.next()) {
                history.writeTree(change(service, sealed));
            }
            history.writeEndArray();
            history.writeEndObject();
        }
    }

    static ObjectNode change(String service, StoredEvents.SealedRow sealed) {
        LedgerEvent event = LedgerEvent.of(service, -1, sealed.row());
        ObjectNode change = event.metadata().objectNode();
        change.put("position", event.position());
        change.put("sequence", event.sequence());
        change.put("change", inWords(event.type()));
        change.put("type", event.type());
        change.put("recordedAt", event.recordedAt());
        change.set("actor", event.metadata().get("actor"));
        change.set("roles", event.metadata().get("roles"));
        change.set("unitId", event.metadata().get("unitId"));
        JsonNode reason = event.payload().get("reason");
        change.set("reason", reason == null || !reason.isTextual() ? change.nullNode() : reason);
        return change;
    }

    /** {@code org.giaoban.tasks.api.task.TaskCompletedEvent} → {@code Task completed}. */
    static String inWords(String payloadType) {
        if (payloadType == null || payloadType.isBlank()) {
            return "";
        }
        String name = payloadType.substring(payloadType.lastIndexOf('.') + 1);
        if (name.endsWith("Event") && name.length() > "Event".length()) {
            name = name.substring(0, name.length() - "Event".length());
        }
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char letter = name.charAt(i);
            if (i > 0 && Character.isUpperCase(letter)) {
                words.append(' ').append(Character.toLowerCase(letter));
            } else {
                words.append(letter);
            }
        }
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
