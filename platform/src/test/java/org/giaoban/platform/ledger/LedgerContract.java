package org.giaoban.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger on a real event store, the same for H2 and PostgreSQL: events written as Axon writes them, the sealer's
 * rounds, the proofs, and tampering done straight in the database, each caught by the verification and named by
 * position.
 */
abstract class LedgerContract {

    private static final Logger log = LoggerFactory.getLogger(LedgerContract.class);
    private static final HexFormat HEX = HexFormat.of();
    static final Duration DEADLINE = Duration.ofSeconds(60);

    HikariDataSource dataSource;
    LedgerSigningKey key;
    LedgerSealer sealer;
    private int sequence;

    /** The JDBC URL of an empty database of the test's own. */
    abstract String createDatabase() throws SQLException;

    abstract String user();

    abstract String flywayLocation();

    /** The rule for gaps whose transactions have all ended; on H2 that takes a clock the test moves. */
    abstract SealingGaps gapsOnceTransactionsEnded();

    /** Lets the rule's waiting time pass, where it has one. */
    abstract void letGapTimeoutPass();

    void dropDatabase() throws SQLException {}

    @BeforeEach
    void openStore() throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(createDatabase());
        config.setUsername(user());
        config.setPassword("");
        config.setMaximumPoolSize(8);
        dataSource = new HikariDataSource(config);
        Flyway.configure()
                .dataSource(dataSource)
                .locations(flywayLocation())
                .load()
                .migrate();
        key = LedgerSigningKey.generate();
        sealer = sealerWith(key);
    }

    @AfterEach
    void closeStore() throws SQLException {
        sealer.stop();
        dataSource.close();
        dropDatabase();
    }

    LedgerSealer sealerWith(LedgerSigningKey signingKey) {
        return new LedgerSealer(
                dataSource,
                "tasks",
                signingKey,
                gapsOnceTransactionsEnded(),
                new LedgerSealer.Settings(Duration.ofMillis(20), Duration.ZERO, 500),
                Clock.systemUTC());
    }

    @Test
    void everyCommittedEventIsSealedAndTheSignedHeadVerifies() throws Exception {
        List<Long> positions = appendEvents(25);

        sealAll();

        LedgerStore store = new LedgerStore(dataSource);
        TreeHead head = store.latestTreeHead().orElseThrow();
        assertThat(head.treeSize()).isEqualTo(25);
        assertThat(head.service()).isEqualTo("tasks");
        assertThat(head.keyId()).isEqualTo(key.keyId());
        assertThat(head.isSignedBy(key.publicKey())).isTrue();
        assertThat(head.rootHashBytes()).isEqualTo(MerkleTree.root(recomputedLeaves()));
        assertThat(store.leafIndexOf(positions.get(7))).hasValue(7);
        assertThat(LedgerVerification.verify(dataSource, "tasks"))
                .isEqualTo(new LedgerVerification.Result(true, 25, head, null));
    }

    @Test
    void inclusionAndConsistencyProofsFromTheStoredNodesVerifyAgainstSignedHeads() throws Exception {
        appendEvents(13);
        sealAll();
        TreeHead older = new LedgerStore(dataSource).latestTreeHead().orElseThrow();
        appendEvents(20);
        sealAll();
        LedgerStore store = new LedgerStore(dataSource);
        TreeHead newer = store.latestTreeHead().orElseThrow();
        List<byte[]> leaves = recomputedLeaves();

        for (long leaf = 0; leaf < newer.treeSize(); leaf++) {
            LedgerStore.InclusionProof proof = store.inclusionProof(leaf, newer.treeSize());
            assertThat(MerkleProofs.verifyInclusion(
                            leaves.get((int) leaf),
                            leaf,
                            newer.treeSize(),
                            bytes(proof.auditPath()),
                            newer.rootHashBytes()))
                    .isTrue();
        }
        LedgerStore.ConsistencyProof consistency = store.consistencyProof(older.treeSize(), newer.treeSize());
        assertThat(MerkleProofs.verifyConsistency(
                        older.treeSize(),
                        newer.treeSize(),
                        older.rootHashBytes(),
                        newer.rootHashBytes(),
                        bytes(consistency.proof())))
                .isTrue();
        assertThat(store.root(older.treeSize())).isEqualTo(older.rootHashBytes());
    }

    @Test
    void anEditedPayloadIsNamedByPosition() throws Exception {
        List<Long> positions = sealedEvents(20);

        execute("UPDATE domain_event_entry SET payload = REPLACE(payload, 'Báo cáo', 'Bao cao')"
                + " WHERE global_index = " + positions.get(11));

        assertMismatch(positions.get(11), 11, "edited");
    }

    @Test
    void editedMetadataIsNamedByPosition() throws Exception {
        List<Long> positions = sealedEvents(20);

        execute("UPDATE domain_event_entry SET meta_data = REPLACE(meta_data, 'officer.badinh', 'officer.hoankiem')"
                + " WHERE global_index = " + positions.get(4));

        assertMismatch(positions.get(4), 4, "edited");
    }

    @Test
    void anEditedTimestampIsNamedByPosition() throws Exception {
        List<Long> positions = sealedEvents(20);

        execute("UPDATE domain_event_entry SET time_stamp = '2022-11-30T23:59:59.999Z' WHERE global_index = "
                + positions.get(0));

        assertMismatch(positions.get(0), 0, "edited");
    }

    @Test
    void aDeletedRowIsNamedByPosition() throws Exception {
        List<Long> positions = sealedEvents(20);

        execute("DELETE FROM domain_event_entry WHERE global_index = " + positions.get(9));

        assertMismatch(positions.get(9), 9, "deleted");
    }

    @Test
    void aRowInsertedIntoALostNumberIsNamedByPosition() throws Exception {
        appendEvents(5);
        long lost = appendEventAndRollBack();
        appendEvents(5);
        sealer.sealPending();
        letGapTimeoutPass();
        sealAll();
        assertThat(new LedgerStore(dataSource).latestTreeHead().orElseThrow().treeSize())
                .isEqualTo(10);

        insertEventAt(lost);

        assertMismatch(lost, 5, "inserted");
    }

    @Test
    void twoSwappedRowsAreNamedAtTheFirst() throws Exception {
        List<Long> positions = sealedEvents(20);

        execute("UPDATE domain_event_entry SET global_index = -1 WHERE global_index = " + positions.get(6));
        execute("UPDATE domain_event_entry SET global_index = " + positions.get(6) + " WHERE global_index = "
                + positions.get(7));
        execute("UPDATE domain_event_entry SET global_index = " + positions.get(7) + " WHERE global_index = -1");

        assertMismatch(positions.get(6), 6, "reordered");
    }

    @Test
    void aCutTailIsNamedWhereItStarts() throws Exception {
        List<Long> positions = sealedEvents(20);

        execute("DELETE FROM domain_event_entry WHERE global_index >= " + positions.get(15));

        assertMismatch(positions.get(15), 15, "tail-cut");
    }

    @Test
    void anEditWithTheLedgersLeafRewrittenToMatchBreaksTheSignedRoot() throws Exception {
        List<Long> positions = sealedEvents(20);
        execute("UPDATE domain_event_entry SET payload = REPLACE(payload, 'Báo cáo', 'Bao cao')"
                + " WHERE global_index = " + positions.get(11));
        byte[] forged = recomputedLeaves().get(11);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE ledger_node SET hash = ? WHERE level = 0 AND node_index = 11")) {
            update.setBytes(1, forged);
            update.executeUpdate();
        }

        LedgerVerification.Result result = LedgerVerification.verify(dataSource, "tasks");

        assertThat(result.verified()).isFalse();
        assertThat(result.firstMismatch().reason()).isEqualTo("tree-head-mismatch");
    }

    @Test
    void aLaterIndexCommittedFirstWaitsForTheEarlierAndBothAreSealedInOrder() throws Exception {
        appendEvents(3);
        sealAll();
        try (Connection slower = dataSource.getConnection()) {
            slower.setAutoCommit(false);
            long earlier = insertEvent(slower, "task-slow", 0);
            long later = appendEvents(1).get(0);
            assertThat(later).isGreaterThan(earlier);

            for (int round = 0; round < 5; round++) {
                sealer.sealPending();
            }

            assertThat(new LedgerStore(dataSource).leafCount()).isEqualTo(3);
            slower.commit();
            sealAll();

            LedgerStore store = new LedgerStore(dataSource);
            assertThat(store.leafCount()).isEqualTo(5);
            assertThat(store.leafIndexOf(earlier)).hasValue(3);
            assertThat(store.leafIndexOf(later)).hasValue(4);
        }
        assertThat(LedgerVerification.verify(dataSource, "tasks").verified()).isTrue();
    }

    @Test
    void aNumberLostToARollbackIsPassedOnceItsTransactionHasEnded() throws Exception {
        appendEvents(2);
        long lost = appendEventAndRollBack();
        long after = appendEvents(1).get(0);

        sealer.sealPending();
        letGapTimeoutPass();
        sealAll();

        LedgerStore store = new LedgerStore(dataSource);
        assertThat(store.leafIndexOf(lost)).isEmpty();
        assertThat(store.leafIndexOf(after)).hasValue(2);
        assertThat(LedgerVerification.verify(dataSource, "tasks").verified()).isTrue();
    }

    @Test
    void theSealerKeepsUpWithCommandsWritingAtTheSameTime() throws Exception {
        sealer.start();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        int perWriter = 1_000;
        long started = System.nanoTime();
        try {
            List<Future<?>> writing = new ArrayList<>();
            for (int writer = 0; writer < 4; writer++) {
                String aggregate = "task-" + writer;
                writing.add(writers.submit(() -> {
                    for (int i = 0; i < perWriter; i += 5) {
                        try (Connection connection = dataSource.getConnection()) {
                            connection.setAutoCommit(false);
                            for (int j = 0; j < 5; j++) {
                                insertEvent(connection, aggregate, i + j);
                            }
                            connection.commit();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> done : writing) {
                done.get();
            }
        } finally {
            writers.shutdown();
        }
        LedgerStore store = new LedgerStore(dataSource);
        awaitHeadOf(store, 4 * perWriter);
        double seconds = (System.nanoTime() - started) / 1e9;
        log.info(
                "Sealed {} events written by 4 writers in {} s: {} events/s including the writing",
                4 * perWriter,
                String.format("%.2f", seconds),
                Math.round(4 * perWriter / seconds));
        sealer.stop();

        assertThat(LedgerVerification.verify(dataSource, "tasks").verified()).isTrue();
    }

    @Test
    void aNewKeyIsPublishedBesideTheOldOneAndTheOldHeadsStillVerify() throws Exception {
        appendEvents(4);
        sealAll();
        LedgerSigningKey rotated = LedgerSigningKey.generate();
        sealer = sealerWith(rotated);
        appendEvents(4);
        sealAll();

        List<LedgerStore.PublishedKey> keys = new LedgerStore(dataSource).keys();
        assertThat(keys).extracting(LedgerStore.PublishedKey::keyId).containsExactly(key.keyId(), rotated.keyId());
        assertThat(keys.get(0).validTo()).isNotNull();
        assertThat(keys.get(1).validTo()).isNull();
        assertThat(LedgerSigningKey.publicKeyFromPem(keys.get(0).publicKey())).isEqualTo(key.publicKey());
        assertThat(new LedgerStore(dataSource).latestTreeHead().orElseThrow().keyId())
                .isEqualTo(rotated.keyId());
        assertThat(LedgerVerification.verify(dataSource, "tasks").verified()).isTrue();
        assertThat(LedgerVerification.verify(dataSource, "tasks", keys.subList(1, 2))
                        .firstMismatch()
                        .reason())
                .as("heads signed with the old key need the old key")
                .isEqualTo("signature-invalid");
    }

    @Test
    void aHeadSignedWithAKeyTheAuditorDoesNotTrustIsRefused() throws Exception {
        appendEvents(3);
        sealAll();
        LedgerSigningKey other = LedgerSigningKey.generate();
        List<LedgerStore.PublishedKey> trusted = List.of(new LedgerStore.PublishedKey(
                key.keyId(), "Ed25519", other.publicKeyPem(), "2000-01-01T00:00:00.000Z", null));

        assertThat(LedgerVerification.verify(dataSource, "tasks", trusted).firstMismatch())
                .extracting(LedgerVerification.Mismatch::reason)
                .isEqualTo("signature-invalid");
    }

    // The store, as Axon and an attacker with SQL see it.

    List<Long> sealedEvents(int count) throws Exception {
        List<Long> positions = appendEvents(count);
        sealAll();
        assertThat(LedgerVerification.verify(dataSource, "tasks").verified()).isTrue();
        return positions;
    }

    void sealAll() throws Exception {
        long rows = count("SELECT COUNT(*) FROM domain_event_entry");
        Instant deadline = Instant.now().plus(DEADLINE);
        while (true) {
            LedgerSealer.Round round = sealer.sealPending();
            if (round.treeSize() == rows && round.sealed() == 0) {
                break;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not sealed in time: " + round);
            }
        }
    }

    void awaitHeadOf(LedgerStore store, long size) {
        await().atMost(DEADLINE)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> store.latestTreeHead().map(TreeHead::treeSize).orElse(0L) >= size);
    }

    List<Long> appendEvents(int count) throws SQLException {
        List<Long> positions = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            for (int i = 0; i < count; i++) {
                positions.add(insertEvent(connection, "task-" + (sequence / 4), sequence % 4));
                sequence++;
            }
        }
        return positions;
    }

    long appendEventAndRollBack() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            long lost = insertEvent(connection, "task-rolled-back", 0);
            connection.rollback();
            connection.setAutoCommit(true);
            return lost;
        }
    }

    /** An event row as Axon's JDBC engine writes it, its global index taken from the identity column. */
    static long insertEvent(Connection connection, String aggregateId, long sequenceNumber) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,"
                        + " time_stamp, payload_type, payload_revision, payload, meta_data)"
                        + " VALUES (?, ?, ?, 'Task', ?, 'org.giaoban.tasks.api.TaskCreatedEvent', '1', ?, ?)",
                new String[] {"global_index"})) {
            fill(insert, aggregateId, sequenceNumber);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    void insertEventAt(long position) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,"
                                + " time_stamp, payload_type, payload_revision, payload, meta_data, global_index)"
                                + " VALUES (?, ?, ?, 'Task', ?, 'org.giaoban.tasks.api.TaskCreatedEvent', '1', ?, ?, ?)")) {
            fill(insert, "task-forged", 0);
            insert.setLong(7, position);
            insert.executeUpdate();
        }
    }

    private static void fill(PreparedStatement insert, String aggregateId, long sequenceNumber) throws SQLException {
        insert.setString(1, UUID.randomUUID().toString());
        insert.setString(2, aggregateId);
        insert.setLong(3, sequenceNumber);
        insert.setString(4, "2022-12-01T01:02:03." + String.format("%03d", sequenceNumber % 1000) + "Z");
        insert.setString(
                5,
                "{\"taskId\":\"" + aggregateId + "\",\"title\":\"Báo cáo quý IV\",\"sequence\":" + sequenceNumber
                        + "}");
        insert.setString(
                6,
                "{\"actor\":\"officer.badinh\",\"roles\":[\"OFFICER\"],\"unitId\":\"HN-BD\"," + "\"correlationId\":\"c-"
                        + aggregateId + "\",\"causationId\":\"m-1\",\"requestId\":\"r-1\"}");
    }

    void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    /** The leaves recomputed from the rows as they are now, in global-index order. */
    List<byte[]> recomputedLeaves() throws SQLException {
        List<byte[]> leaves = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT " + StoredEventRow.COLUMNS + " FROM domain_event_entry ORDER BY global_index")) {
            while (rows.next()) {
                leaves.add(LedgerEvent.of("tasks", leaves.size(), StoredEventRow.read(rows))
                        .leafHash());
            }
        }
        return leaves;
    }

    void assertMismatch(long position, long leafIndex, String reason) {
        LedgerVerification.Result result = LedgerVerification.verify(dataSource, "tasks");

        assertThat(result.verified()).isFalse();
        assertThat(result.firstMismatch().position()).isEqualTo(position);
        assertThat(result.firstMismatch().leafIndex()).isEqualTo(leafIndex);
        assertThat(result.firstMismatch().reason()).isEqualTo(reason);
    }

    private static List<byte[]> bytes(List<String> hex) {
        return hex.stream().map(HEX::parseHex).toList();
    }
}
