package org.giaoban.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.giaoban.platform.testing.TestCallers;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * training-service on its embedded stores, in a directory of its own: an H2 file for events and rosters,
 * mongo-java-server on an H2 file for read models.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = TestCallers.SECRET_PROPERTY)
class ClassesAndEnrolmentsIT extends ClassesAndEnrolmentsContract {

    static final Path DATA_DIR = temporaryDirectory();

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry properties) {
        properties.add("giaoban.data-dir", DATA_DIR::toString);
    }

    static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("giaoban-training-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
