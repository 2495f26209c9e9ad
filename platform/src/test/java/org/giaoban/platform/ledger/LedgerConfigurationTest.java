package org.giaoban.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import javax.sql.DataSource;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class LedgerConfigurationTest {

    @TempDir
    Path dataDirectory;

    /** As a Spring Boot application converts its settings: {@code 200ms} and {@code 2s} are durations. */
    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withInitializer(service ->
                    service.getBeanFactory().setConversionService(ApplicationConversionService.getSharedInstance()))
            .withConfiguration(AutoConfigurations.of(LedgerConfiguration.class));

    @Test
    void aServiceWithAnEventStoreSealsWithAKeyFileCreatedInItsDataDirectory() {
        context.withBean(DataSource.class, () -> mock(DataSource.class))
                .withBean(EventStorageEngine.class, () -> mock(EventStorageEngine.class))
                .withPropertyValues("giaoban.data-dir=" + dataDirectory, "spring.application.name=training-service")
                .run(service -> {
                    assertThat(service).hasSingleBean(LedgerSealer.class).hasSingleBean(LedgerStore.class);
                    Path keyFile = dataDirectory.resolve("training-service").resolve("ledger-signing-key.pem");
                    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
                            .isEqualTo("rw-------");
                    assertThat(service.getBean(LedgerSigningKey.class).keyId())
                            .isEqualTo(LedgerSigningKey.readFile(keyFile).keyId());
                });
    }

    @Test
    void aServiceWithoutAnEventStoreOfItsOwnSealsNothing() {
        context.withPropertyValues("giaoban.data-dir=" + dataDirectory, "spring.application.name=reporting-service")
                .run(reporting -> {
                    assertThat(reporting).doesNotHaveBean(LedgerSealer.class);
                    assertThat(reporting).doesNotHaveBean(LedgerSigningKey.class);
                    assertThat(Files.exists(dataDirectory.resolve("reporting-service")))
                            .isFalse();
                });
    }

    @Test
    void aKeyGivenAsPemIsUsedAndNoFileIsWritten() {
        LedgerSigningKey given = LedgerSigningKey.generate();
        context.withBean(DataSource.class, () -> mock(DataSource.class))
                .withBean(EventStorageEngine.class, () -> mock(EventStorageEngine.class))
                .withPropertyValues(
                        "giaoban.data-dir=" + dataDirectory,
                        "spring.application.name=tasks-service",
                        "giaoban.ledger.signing-key=" + given.privateKeyPem())
                .run(service -> {
                    assertThat(service.getBean(LedgerSigningKey.class).keyId()).isEqualTo(given.keyId());
                    assertThat(Files.exists(dataDirectory.resolve("tasks-service")))
                            .isFalse();
                });
    }

    @Test
    void theServiceIsNamedAsTheApiNamesIt() {
        assertThat(LedgerConfiguration.serviceOf("tasks-service")).isEqualTo("tasks");
        assertThat(LedgerConfiguration.serviceOf("training-service")).isEqualTo("training");
        assertThat(LedgerConfiguration.serviceOf("ledger")).isEqualTo("ledger");
    }
}
