package org.giaoban.platform.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.api.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2EventFileTest {

    @TempDir
    Path dataDir;

    @Test
    void aReaderReachesTheFileThroughItsOwnerAndSeesWhatItCommitted() throws Exception {
        String url = "jdbc:h2:file:" + dataDir.resolve("tasks-service/events");
        try (Connection owner = DriverManager.getConnection(url, "sa", "secret");
                H2EventFile served = H2EventFile.serve(H2EventFile.databaseOf(url), owner)) {
            execute(owner, "create table domain_event_entry (global_index bigint primary key)");
            execute(owner, "insert into domain_event_entry values (1), (2)");

            DataSource reader = H2EventFile.servedBy(url);

            assertThat(served.address()).startsWith("jdbc:h2:tcp://127.0.0.1:");
            assertThat(H2EventFile.publishedAddress(H2EventFile.databaseOf(url)))
                    .contains(served.address());
            try (Connection connection = reader.getConnection()) {
                assertThat(count(connection)).isEqualTo(2);
            }
        }
    }

    @Test
    void aStoreOpenedThroughTheAsyncFileSystemIsServedAsItIsOpen() throws Exception {
        String url = "jdbc:h2:file:async:" + dataDir.resolve("tasks-service/events") + ";DB_CLOSE_ON_EXIT=FALSE";
        try (Connection owner = DriverManager.getConnection(url, "sa", "secret");
                H2EventFile served = H2EventFile.serve(H2EventFile.databaseOf(url), owner)) {
            execute(owner, "create table domain_event_entry (global_index bigint primary key)");
            execute(owner, "insert into domain_event_entry values (1), (2), (3)");

            try (Connection reader = H2EventFile.servedBy(url).getConnection()) {
                assertThat(count(reader)).isEqualTo(3);
            }
        }
    }

    @Test
    void theServerOpensNoOtherDatabaseAndThisOneOnlyUnderTheNameItPublished() throws Exception {
        String url = "jdbc:h2:file:" + dataDir.resolve("events");
        try (Connection owner = DriverManager.getConnection(url, "sa", "secret");
                H2EventFile served = H2EventFile.serve(H2EventFile.databaseOf(url), owner)) {
            String server = served.address().substring(0, served.address().lastIndexOf('/'));

            assertThatThrownBy(() -> DriverManager.getConnection(server + "/another", "sa", "secret"))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(server + "/events", "sa", "secret"))
                    .isInstanceOf(SQLException.class)
                    .hasFieldOrPropertyWithValue("errorCode", ErrorCode.WRONG_USER_OR_PASSWORD);
            assertThat(Files.exists(dataDir.resolve("another.mv.db"))).isFalse();
        }
    }

    @Test
    void aReaderMayReadButNotWriteAndOnlyItsOwnerMayReadTheAddress() throws Exception {
        String url = "jdbc:h2:file:" + dataDir.resolve("events");
        try (Connection owner = DriverManager.getConnection(url, "sa", "secret");
                H2EventFile served = H2EventFile.serve(H2EventFile.databaseOf(url), owner)) {
            execute(owner, "create table domain_event_entry (global_index bigint primary key)");
            execute(owner, "insert into domain_event_entry values (1)");

            try (Connection reader = H2EventFile.servedBy(url).getConnection()) {
                assertThat(count(reader)).isEqualTo(1);
                assertThatThrownBy(() -> execute(reader, "insert into domain_event_entry values (2)"))
                        .isInstanceOf(SQLException.class)
                        .hasFieldOrPropertyWithValue("errorCode", ErrorCode.NOT_ENOUGH_RIGHTS_FOR_1);
                assertThatThrownBy(() -> execute(reader, "delete from domain_event_entry"))
                        .isInstanceOf(SQLException.class)
                        .hasFieldOrPropertyWithValue("errorCode", ErrorCode.NOT_ENOUGH_RIGHTS_FOR_1);
                assertThatThrownBy(() -> execute(reader, "create user intruder password 'x' admin"))
                        .isInstanceOf(SQLException.class)
                        .hasFieldOrPropertyWithValue("errorCode", ErrorCode.ADMIN_RIGHTS_REQUIRED);
                assertThatThrownBy(() -> execute(reader, "checkpoint"))
                        .isInstanceOf(SQLException.class)
                        .hasFieldOrPropertyWithValue("errorCode", ErrorCode.ADMIN_RIGHTS_REQUIRED);
                // What it may ask of the owner instead: that what it read be in the file.
                execute(reader, "call " + H2EventFile.MAKE_DURABLE + "()");
            }
            assertThatThrownBy(() -> DriverManager.getConnection(served.address(), "sa", ""))
                    .isInstanceOf(SQLException.class)
                    .hasFieldOrPropertyWithValue("errorCode", ErrorCode.WRONG_USER_OR_PASSWORD);
            assertThat(count(owner)).isEqualTo(1);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                assertThat(Files.getPosixFilePermissions(dataDir.resolve("events.server")))
                        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            }
        }
    }

    @Test
    void aReaderCannotChooseAnotherLogin() {
        DataSource reader = H2EventFile.servedBy("jdbc:h2:file:" + dataDir.resolve("events"));

        assertThatThrownBy(() -> reader.getConnection("sa", ""))
                .isInstanceOf(java.sql.SQLFeatureNotSupportedException.class)
                .hasMessageContaining("the login its owner publishes");
    }

    @Test
    void theReadersPasswordChangesWhenTheOwnerStartsAgain() throws Exception {
        String url = "jdbc:h2:file:" + dataDir.resolve("events");
        String first;
        try (Connection owner = DriverManager.getConnection(url, "sa", "secret");
                H2EventFile served = H2EventFile.serve(H2EventFile.databaseOf(url), owner)) {
            first = Files.readAllLines(dataDir.resolve("events.server")).get(2);
        }
        try (Connection owner = DriverManager.getConnection(url, "sa", "secret");
                H2EventFile again = H2EventFile.serve(H2EventFile.databaseOf(url), owner)) {
            assertThatThrownBy(() -> DriverManager.getConnection(again.address(), H2EventFile.READER, first))
                    .isInstanceOf(SQLException.class)
                    .hasFieldOrPropertyWithValue("errorCode", ErrorCode.WRONG_USER_OR_PASSWORD);
            try (Connection reader = H2EventFile.servedBy(url).getConnection()) {
                assertThat(reader.isValid(1)).isTrue();
            }
        }
    }

    @Test
    void withoutARunningOwnerAReaderGetsATransientErrorAndFindsTheOwnerAgainWhenItRestarts() throws Exception {
        String url = "jdbc:h2:file:" + dataDir.resolve("events");
        DataSource reader = H2EventFile.servedBy(url);

        assertThatThrownBy(reader::getConnection)
                .isInstanceOf(SQLTransientConnectionException.class)
                .hasMessageContaining("not running");

        try (Connection owner = DriverManager.getConnection(url, "sa", "secret");
                H2EventFile first = H2EventFile.serve(H2EventFile.databaseOf(url), owner)) {
            execute(owner, "create table domain_event_entry (global_index bigint primary key)");
        }
        assertThat(H2EventFile.publishedAddress(H2EventFile.databaseOf(url))).isEmpty();

        try (Connection owner = DriverManager.getConnection(url, "sa", "secret");
                H2EventFile again = H2EventFile.serve(H2EventFile.databaseOf(url), owner);
                Connection connection = reader.getConnection()) {
            assertThat(count(connection)).isZero();
        }
    }

    @Test
    void anOwnerThatStopsLeavesTheAddressOfAnotherOwnerInPlace() throws Exception {
        String url = "jdbc:h2:file:" + dataDir.resolve("events");
        try (Connection owner = DriverManager.getConnection(url, "sa", "secret")) {
            H2EventFile earlier = H2EventFile.serve(H2EventFile.databaseOf(url), owner);
            try (H2EventFile later = H2EventFile.serve(H2EventFile.databaseOf(url), owner)) {
                earlier.close();

                assertThat(H2EventFile.publishedAddress(H2EventFile.databaseOf(url)))
                        .contains(later.address());
            }
        }
    }

    @Test
    void aThreadInterruptedWhileItReadsTheStoreLeavesItOpenForTheOthers() throws Exception {
        // A small cache, and the database opened again after it was written, so that the read below goes to the file.
        String url = "jdbc:h2:file:async:" + dataDir.resolve("events") + ";CACHE_SIZE=1024";
        H2EventFile.requireInterruptSafe(url);
        try (Connection writer = DriverManager.getConnection(url, "sa", "secret")) {
            execute(writer, "create table domain_event_entry (global_index bigint primary key, payload varchar(1000))");
            execute(writer, "insert into domain_event_entry select x, repeat('x', 900) from system_range(1, 50000)");
        }
        try (Connection owner = DriverManager.getConnection(url, "sa", "secret");
                Connection handler = DriverManager.getConnection(url, "sa", "secret")) {
            // As Axon interrupts a handler past its time limit, here before it reads.
            Thread.currentThread().interrupt();
            try {
                assertThat(payloadBytes(handler)).isEqualTo(50_000 * 900);
            } finally {
                Thread.interrupted();
            }

            assertThat(payloadBytes(owner)).isEqualTo(50_000 * 900);
            execute(owner, "insert into domain_event_entry values (50001, 'after')");
            assertThat(count(owner)).isEqualTo(50_001);
        }
    }

    @Test
    void aServiceRefusesAStoreOnTheFileSystemThatAnInterruptCloses() {
        assertThatThrownBy(() -> H2EventFile.requireInterruptSafe("jdbc:h2:file:/srv/giaoban/tasks-service/events"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("jdbc:h2:file:async:<path>");
        assertThat(H2EventFile.databaseOf("jdbc:h2:file:async:/srv/giaoban/tasks-service/events;LOCK_TIMEOUT=10000"))
                .isEqualTo(Path.of("/srv/giaoban/tasks-service/events"));
    }

    @Test
    void onlyAnH2FileUrlNamesAServedFile() {
        assertThat(H2EventFile.isFileUrl("jdbc:h2:file:./data/tasks-service/events"))
                .isTrue();
        assertThat(H2EventFile.isFileUrl("jdbc:postgresql://127.0.0.1:5432/giaoban_tasks"))
                .isFalse();
        assertThat(H2EventFile.isFileUrl("jdbc:h2:mem:test")).isFalse();
        assertThat(H2EventFile.databaseOf("jdbc:h2:file:/srv/giaoban/tasks-service/events;IFEXISTS=TRUE"))
                .isEqualTo(Path.of("/srv/giaoban/tasks-service/events"));
        assertThatThrownBy(() -> H2EventFile.databaseOf("jdbc:h2:mem:test"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPoolThrowsAwayAConnectionWhoseOwnerWentAway() {
        SQLExceptionOverride override = H2EventFile.evictConnectionsToAGoneOwner();

        assertThat(override.adjudicate(new SQLException("broken", "90067", ErrorCode.CONNECTION_BROKEN_1)))
                .isEqualTo(SQLExceptionOverride.Override.MUST_EVICT);
        assertThat(override.adjudicate(new SQLException("closed", "90121", ErrorCode.DATABASE_CALLED_AT_SHUTDOWN)))
                .isEqualTo(SQLExceptionOverride.Override.MUST_EVICT);
        assertThat(override.adjudicate(new SQLException("syntax", "42000", ErrorCode.SYNTAX_ERROR_1)))
                .isEqualTo(SQLExceptionOverride.Override.CONTINUE_EVICT);
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Reads every row, where {@code count(*)} would answer from the table's size. */
    private static long payloadBytes(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select sum(length(payload)) from domain_event_entry")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static long count(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from domain_event_entry")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
