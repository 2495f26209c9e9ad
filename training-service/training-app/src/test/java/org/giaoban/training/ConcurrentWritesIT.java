package org.giaoban.training;

import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link ConcurrentWritesContract} on the embedded stores, in a directory of its own. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConcurrentWritesIT extends ConcurrentWritesContract {

    static final Path DATA_DIR = ClassesAndEnrolmentsIT.temporaryDirectory();

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry properties) {
        properties.add("giaoban.data-dir", DATA_DIR::toString);
    }
}
