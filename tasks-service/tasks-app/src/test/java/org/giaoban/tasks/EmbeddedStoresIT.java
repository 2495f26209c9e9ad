package org.giaoban.tasks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** tasks-service on its embedded stores: an H2 file for events, mongo-java-server on an H2 file for read models. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmbeddedStoresIT extends TasksServiceContract {

    static final Path DATA_DIR = temporaryDirectory();

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry properties) {
        properties.add("giaoban.data-dir", DATA_DIR::toString);
    }

    static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("giaoban-tasks-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
