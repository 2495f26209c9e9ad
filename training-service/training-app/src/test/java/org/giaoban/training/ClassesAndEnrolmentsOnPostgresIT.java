package org.giaoban.training;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * training-service with its event store and rosters on a real PostgreSQL server, in a database of its own made for
 * this run and dropped after it. Runs where {@code GIAOBAN_TEST_POSTGRES_URL} names a server's maintenance database
 * (such as {@code jdbc:postgresql://127.0.0.1:5432/postgres}); read models stay on the embedded MongoDB.
 */
@EnabledIfEnvironmentVariable(named = ClassesAndEnrolmentsOnPostgresIT.SERVER_URL, matches = "jdbc:postgresql:.+")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ClassesAndEnrolmentsOnPostgresIT extends ClassesAndEnrolmentsContract {

    static final String SERVER_URL = "GIAOBAN_TEST_POSTGRES_URL";
    static final String DATABASE =
            "giaoban_training_it_" + UUID.randomUUID().toString().replace("-", "");
    static final Path DATA_DIR = ClassesAndEnrolmentsIT.temporaryDirectory();

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry properties) throws SQLException {
        execute("CREATE DATABASE " + DATABASE);
        String serverUrl = System.getenv(SERVER_URL);
        properties.add(
                "spring.datasource.url", () -> serverUrl.substring(0, serverUrl.lastIndexOf('/') + 1) + DATABASE);
        properties.add("spring.datasource.username", ClassesAndEnrolmentsOnPostgresIT::user);
        properties.add("spring.datasource.password", () -> "");
        properties.add("giaoban.data-dir", DATA_DIR::toString);
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
    }

    private static String user() {
        String user = System.getenv("GIAOBAN_TEST_POSTGRES_USER");
        return user == null ? "postgres" : user;
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(System.getenv(SERVER_URL), user(), "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
