package org.giaoban.training;

import java.nio.file.Path;
import org.giaoban.platform.testing.TestCallers;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Erasures on the embedded stores: the H2 event file, and the master key made in the data directory on first start.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = TestCallers.SECRET_PROPERTY)
class PersonalDataErasureIT extends PersonalDataErasureContract {

    static final Path DATA_DIR = ClassesAndEnrolmentsIT.temporaryDirectory();

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry properties) {
        properties.add("giaoban.data-dir", DATA_DIR::toString);
    }
}
