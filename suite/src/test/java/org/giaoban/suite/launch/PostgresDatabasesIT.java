package org.giaoban.suite.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The launcher's databases and reader on a real PostgreSQL: the server whose maintenance database
 * {@code GIAOBAN_TEST_POSTGRES_URL} names (user {@code GIAOBAN_TEST_POSTGRES_USER}, default {@code postgres}, no
 * password). Names of its own per run, dropped afterwards.
 */
@EnabledIfEnvironmentVariable(named = "GIAOBAN_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.+")
class PostgresDatabasesIT {

    private static final String READER_PASSWORD = "reader-password-0123456789";

    private final String run =
            "giaoban_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final String first = run + "_tasks";
    private final String second = run + "_training";
    private final String reader = run + "_reader";
    private final String serverUrl = System.getenv("GIAOBAN_TEST_POSTGRES_URL");
    private final String user = System.getenv().getOrDefault("GIAOBAN_TEST_POSTGRES_USER", "postgres");
    private final PostgresServer server = PostgresServer.parse(serverUrl);
    private final ByteArrayOutputStream said = new ByteArrayOutputStream();
    private final PostgresDatabases databases =
            new PostgresDatabases(server, user, "", new PrintStream(said, true, StandardCharsets.UTF_8));

    @AfterEach
    void dropWhatTheRunMade() throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.maintenanceUrl(), user, "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + first + " WITH (FORCE)");
            statement.execute("DROP DATABASE IF EXISTS " + second + " WITH (FORCE)");
            statement.execute("DROP ROLE IF EXISTS " + reader);
        }
    }

    @Test
    void missingDatabasesAreCreatedAndASecondRunFindsThem() throws SQLException {
        databases.create(List.of(first, second));
        databases.create(List.of(first, second));

        assertThat(databaseNames()).contains(first, second);
        assertThat(said.toString(StandardCharsets.UTF_8))
                .contains("database " + first + " created", "database " + second + " created")
                .contains("database " + first + " is there", "database " + second + " is there");
    }

    @Test
    void theReaderReadsTablesMadeAfterItButWritesNothing() throws SQLException {
        databases.create(List.of(first, second));

        assertThat(databases.reader(reader, READER_PASSWORD, List.of(first, second)))
                .isEqualTo(reader);
        assertThat(databases.reader(reader, READER_PASSWORD, List.of(first, second)))
                .as("a second run")
                .isEqualTo(reader);

        try (Connection owner = DriverManager.getConnection(server.databaseUrl(first), user, "");
                Statement statement = owner.createStatement()) {
            statement.execute("CREATE TABLE domain_event_entry (global_index BIGINT PRIMARY KEY, payload TEXT)");
            statement.execute("INSERT INTO domain_event_entry VALUES (1, '{}')");
        }
        try (Connection asReader = DriverManager.getConnection(server.databaseUrl(first), reader, READER_PASSWORD);
                Statement statement = asReader.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM domain_event_entry")) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(1);
            }
            assertThatThrownBy(() -> statement.execute("INSERT INTO domain_event_entry VALUES (2, '{}')"))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> statement.execute("CREATE TABLE scribble (x INT)"))
                    .isInstanceOf(SQLException.class);
        }
        try (Connection asReader = DriverManager.getConnection(server.databaseUrl(second), reader, READER_PASSWORD)) {
            assertThat(asReader.isValid(5)).isTrue();
        }
    }

    private List<String> databaseNames() throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.maintenanceUrl(), user, "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT datname FROM pg_database")) {
            List<String> names = new ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        }
    }
}
