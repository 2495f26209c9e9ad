package org.giaoban.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LedgerEventTest {

    private static final StoredEventRow CREATED = new StoredEventRow(
            42,
            "4b1c2d7e-0000-4000-8000-000000000001",
            "Task",
            "task-7f3a",
            0,
            "org.giaoban.tasks.api.TaskCreatedEvent",
            "1",
            "2022-12-01T01:02:03.456Z",
            "{\"taskId\":\"task-7f3a\",\"title\":\"Báo cáo quý IV\",\"dueDate\":\"2022-12-31\",\"weight\":1.50}",
            "{\"unitId\":\"HN-BD\",\"actor\":\"officer.badinh\",\"roles\":[\"OFFICER\"],\"correlationId\":\"c-1\","
                    + "\"causationId\":\"m-1\",\"requestId\":\"r-1\",\"traceId\":\"t-9\"}");

    @Test
    void theLeafDataIsTheCanonicalJsonOfTheExportForm() {
        LedgerEvent event = LedgerEvent.of("tasks", 3, CREATED);

        assertThat(new String(event.leafData(), StandardCharsets.UTF_8))
                .isEqualTo("{\"aggregateId\":\"task-7f3a\",\"aggregateType\":\"Task\","
                        + "\"eventId\":\"4b1c2d7e-0000-4000-8000-000000000001\",\"leafIndex\":3,"
                        + "\"metadata\":{\"actor\":\"officer.badinh\",\"causationId\":\"m-1\",\"correlationId\":\"c-1\","
                        + "\"requestId\":\"r-1\",\"roles\":[\"OFFICER\"],\"unitId\":\"HN-BD\"},"
                        + "\"payload\":{\"dueDate\":\"2022-12-31\",\"taskId\":\"task-7f3a\",\"title\":\"Báo cáo quý IV\","
                        + "\"weight\":1.5},\"position\":42,\"recordedAt\":\"2022-12-01T01:02:03.456Z\",\"revision\":\"1\","
                        + "\"sequence\":0,\"service\":\"tasks\",\"type\":\"org.giaoban.tasks.api.TaskCreatedEvent\"}");
        assertThat(event.leafHash()).isEqualTo(MerkleTree.leafHash(event.leafData()));
    }

    @Test
    void theExportShowsTheContractsMembersInItsOrder() {
        assertThat(LedgerEvent.of("tasks", 3, CREATED).toJson().fieldNames())
                .toIterable()
                .containsExactly(
                        "service",
                        "position",
                        "leafIndex",
                        "eventId",
                        "aggregateType",
                        "aggregateId",
                        "sequence",
                        "type",
                        "revision",
                        "recordedAt",
                        "payload",
                        "metadata");
    }

    @Test
    void missingMetadataKeysAreNullAndOtherKeysAreLeftOut() {
        StoredEventRow withoutCaller = withMetadata("{\"correlationId\":\"c-1\",\"traceId\":\"t-9\"}");

        assertThat(LedgerEvent.of("tasks", 0, withoutCaller).metadata().toString())
                .isEqualTo("{\"actor\":null,\"roles\":null,\"unitId\":null,\"correlationId\":\"c-1\","
                        + "\"causationId\":null,\"requestId\":null}");
        assertThat(LedgerEvent.of("tasks", 0, withMetadata(null)).metadata().toString())
                .isEqualTo("{\"actor\":null,\"roles\":null,\"unitId\":null,\"correlationId\":null,"
                        + "\"causationId\":null,\"requestId\":null}");
    }

    @Test
    void aPayloadThatIsNotJsonIsSealedAsItsText() {
        StoredEventRow broken = withPayload("{\"taskId\":\"task-7f3a\"} trailing");

        assertThat(LedgerEvent.of("tasks", 0, broken).payload().textValue())
                .isEqualTo("{\"taskId\":\"task-7f3a\"} trailing");
    }

    @Test
    void everyStoredColumnTheExportShowsChangesTheLeaf() {
        byte[] original = LedgerEvent.of("tasks", 3, CREATED).leafHash();

        assertThat(LedgerEvent.of("tasks", 3, withPayload(CREATED.payload().replace("1.50", "2")))
                        .leafHash())
                .isNotEqualTo(original);
        assertThat(LedgerEvent.of("tasks", 3, withMetadata(CREATED.metaData().replace("HN-BD", "HN-HK")))
                        .leafHash())
                .isNotEqualTo(original);
        assertThat(LedgerEvent.of("tasks", 3, withTimestamp("2022-12-01T01:02:03.457Z"))
                        .leafHash())
                .isNotEqualTo(original);
        assertThat(LedgerEvent.of("tasks", 4, CREATED).leafHash()).isNotEqualTo(original);
        assertThat(LedgerEvent.of("training", 3, CREATED).leafHash()).isNotEqualTo(original);
    }

    @Test
    void whitespaceAndMemberOrderOfTheStoredJsonDoNotChangeTheLeaf() {
        StoredEventRow reformatted = withPayload(
                "{ \"weight\": 1.5, \"title\": \"Báo cáo quý IV\", \"dueDate\": \"2022-12-31\", \"taskId\": \"task-7f3a\" }");

        assertThat(LedgerEvent.of("tasks", 3, reformatted).leafHash())
                .isEqualTo(LedgerEvent.of("tasks", 3, CREATED).leafHash());
    }

    private static StoredEventRow withPayload(String payload) {
        return new StoredEventRow(
                CREATED.globalIndex(),
                CREATED.eventIdentifier(),
                CREATED.type(),
                CREATED.aggregateIdentifier(),
                CREATED.sequenceNumber(),
                CREATED.payloadType(),
                CREATED.payloadRevision(),
                CREATED.timeStamp(),
                payload,
                CREATED.metaData());
    }

    private static StoredEventRow withMetadata(String metaData) {
        return new StoredEventRow(
                CREATED.globalIndex(),
                CREATED.eventIdentifier(),
                CREATED.type(),
                CREATED.aggregateIdentifier(),
                CREATED.sequenceNumber(),
                CREATED.payloadType(),
                CREATED.payloadRevision(),
                CREATED.timeStamp(),
                CREATED.payload(),
                metaData);
    }

    private static StoredEventRow withTimestamp(String timeStamp) {
        return new StoredEventRow(
                CREATED.globalIndex(),
                CREATED.eventIdentifier(),
                CREATED.type(),
                CREATED.aggregateIdentifier(),
                CREATED.sequenceNumber(),
                CREATED.payloadType(),
                CREATED.payloadRevision(),
                timeStamp,
                CREATED.payload(),
                CREATED.metaData());
    }
}
