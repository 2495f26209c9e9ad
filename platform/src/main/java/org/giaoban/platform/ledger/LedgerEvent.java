package org.giaoban.platform.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One stored event in its export form, the form an auditor reads and the form the ledger seals:
 * {@code {"service", "position", "leafIndex", "eventId", "aggregateType", "aggregateId", "sequence", "type",
 * "revision", "recordedAt", "payload", "metadata"}}. Its leaf data is the UTF-8 of the RFC 8785 canonical JSON of
 * {@link #toJson()}; the export adds {@code leafHash} beside it.
 *
 * <p>How the stored columns become this form, fixed once here for the sealer, the export and the verifier alike:
 * <ul>
 *   <li>{@code position} is {@code global_index}; {@code aggregateType} is the {@code type} column, {@code type} the
 *       {@code payload_type}, {@code revision} the {@code payload_revision}; a column that is SQL null is JSON null;
 *   <li>{@code recordedAt} is the {@code time_stamp} text as stored, not reformatted;
 *   <li>{@code payload} is the stored JSON text parsed as JSON; text that is not JSON is kept as a JSON string, so
 *       that every row has a leaf;
 *   <li>{@code metadata} always has all six keys {@code actor, roles, unitId, correlationId, causationId,
 *       requestId}, each the stored metadata's value or JSON null when the stored metadata lacks it; other stored
 *       metadata keys are not part of the export and not sealed.
 * </ul>
 */
public record LedgerEvent(
        String service,
        long position,
        long leafIndex,
        String eventId,
        String aggregateType,
        String aggregateId,
        long sequence,
        String type,
        String revision,
        String recordedAt,
        JsonNode payload,
        ObjectNode metadata) {

    /** The metadata keys an export shows, in every event, in this order. */
    public static final List<String> METADATA_KEYS =
            List.of("actor", "roles", "unitId", "correlationId", "causationId", "requestId");

    /** Text followed by anything but whitespace is not JSON: it is sealed as a string, not half read. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The export form of a stored row that is leaf {@code leafIndex} of {@code service}'s ledger. */
    public static LedgerEvent of(String service, long leafIndex, StoredEventRow row) {
        JsonNode storedMetadata = row.metaData() == null ? NODES.objectNode() : parsed(row.metaData());
        ObjectNode metadata = NODES.objectNode();
        for (String key : METADATA_KEYS) {
            JsonNode value = storedMetadata.isObject() ? storedMetadata.get(key) : null;
            metadata.set(key, value == null ? NODES.nullNode() : value);
        }
        return new LedgerEvent(
                service,
                row.globalIndex(),
                leafIndex,
                row.eventIdentifier(),
                row.type(),
                row.aggregateIdentifier(),
                row.sequenceNumber(),
                row.payloadType(),
                row.payloadRevision(),
                row.timeStamp(),
                parsed(row.payload()),
                metadata);
    }

    /** The export form as JSON, without {@code leafHash}, members in the order of the contract. */
    public ObjectNode toJson() {
        ObjectNode json = NODES.objectNode();
        json.put("service", service);
        json.put("position", position);
        json.put("leafIndex", leafIndex);
        json.put("eventId", eventId);
        json.put("aggregateType", aggregateType);
        json.put("aggregateId", aggregateId);
        json.put("sequence", sequence);
        json.put("type", type);
        json.put("revision", revision);
        json.put("recordedAt", recordedAt);
        json.set("payload", payload);
        json.set("metadata", metadata.deepCopy());
        return json;
    }

    /** The leaf data: the UTF-8 bytes of the canonical JSON of {@link #toJson()}. */
    public byte[] leafData() {
        return CanonicalJson.utf8(toJson());
    }

    /** {@code SHA-256(0x00 || leafData)}. */
    public byte[] leafHash() {
        return MerkleTree.leafHash(leafData());
    }

    private static JsonNode parsed(String storedText) {
        if (storedText == null) {
            return NODES.nullNode();
        }
        try {
            JsonNode node = JSON.readTree(storedText);
            return node == null || node.isMissingNode() ? NODES.textNode(storedText) : node;
        } catch (JsonProcessingException notJson) {
            return NODES.textNode(storedText);
        }
    }
}
