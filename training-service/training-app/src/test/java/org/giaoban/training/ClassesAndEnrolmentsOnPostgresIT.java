package org.giaoban.training;

import java.nio.file.Path;
import java.sql.SQLException;
import org.giaoban.platform.testing.LocalPostgresDatabase;
import org.giaoban.platform.testing.TestCallers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * training-service with its event store and rosters on a real PostgreSQL server, in a database of its own made for
 * this run and dropped after it (see {@link LocalPostgresDatabase}); read models stay on the embedded MongoDB.
 */
@EnabledIfEnvironmentVariable(
        named = LocalPostgresDatabase.SERVER_URL,
        matches = LocalPostgresDatabase.SERVER_URL_PATTERN)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {TestCallers.SECRET_PROPERTY, TestMasterKey.PROPERTY})
class ClassesAndEnrolmentsOnPostgresIT extends ClassesAndEnrolmentsContract {

    static final LocalPostgresDatabase DATABASE = new LocalPostgresDatabase("giaoban_training_it");
    static final Path DATA_DIR = ClassesAndEnrolmentsIT.temporaryDirectory();

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry properties) throws SQLException {
        DATABASE.createFor(properties);
        properties.add("giaoban.data-dir", DATA_DIR::toString);
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        DATABASE.drop();
    }
}
