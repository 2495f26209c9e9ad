package org.giaoban.training;

import java.nio.file.Path;
import java.sql.SQLException;
import org.giaoban.platform.testing.LocalPostgresDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link ConcurrentWritesContract} with the event store and rosters on a PostgreSQL database of its own. */
@EnabledIfEnvironmentVariable(
        named = LocalPostgresDatabase.SERVER_URL,
        matches = LocalPostgresDatabase.SERVER_URL_PATTERN)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = TestMasterKey.PROPERTY)
class ConcurrentWritesOnPostgresIT extends ConcurrentWritesContract {

    static final LocalPostgresDatabase DATABASE = new LocalPostgresDatabase("giaoban_training_concurrent_it");
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
