package org.giaoban.platform.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.function.Supplier;
import org.h2.api.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class EmbeddedStoreLoginTest {

    @TempDir
    Path dataDir;

    private final EmbeddedStoreLogin login = new EmbeddedStoreLogin(Supplier::get);

    @Test
    void aNewStoreIsMadeWithARandomPasswordThatOnlyItsOwnerMayRead() throws Exception {
        String url = "jdbc:h2:file:" + dataDir.resolve("tasks-service/events") + ";DB_CLOSE_ON_EXIT=FALSE";
        MockEnvironment environment = embeddedStore(url);

        login.postProcessEnvironment(environment, new SpringApplication());

        String password = environment.getProperty("spring.datasource.password");
        Path loginFile = dataDir.resolve("tasks-service/events.login");
        assertThat(password).hasSizeGreaterThanOrEqualTo(32);
        assertThat(Files.readString(loginFile).strip()).isEqualTo(password);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(loginFile)))
                .isEqualTo("rw-------");
        try (Connection created = DriverManager.getConnection(url, "sa", password)) {
            assertThat(created.isValid(1)).isTrue();
        }
        assertRefusedWithoutPassword(url);

        MockEnvironment restarted = embeddedStore(url);
        login.postProcessEnvironment(restarted, new SpringApplication());
        assertThat(restarted.getProperty("spring.datasource.password")).isEqualTo(password);
    }

    @Test
    void aStoreWhoseAdministratorHadNoPasswordIsGivenOne() throws Exception {
        String url = "jdbc:h2:file:" + dataDir.resolve("events");
        try (Connection before = DriverManager.getConnection(url, "sa", "")) {
            before.createStatement().execute("create table domain_event_entry (global_index bigint primary key)");
        }
        MockEnvironment environment = embeddedStore(url);

        login.postProcessEnvironment(environment, new SpringApplication());

        assertRefusedWithoutPassword(url);
        try (Connection after =
                DriverManager.getConnection(url, "sa", environment.getProperty("spring.datasource.password"))) {
            assertThat(after.getMetaData()
                            .getTables(null, null, "DOMAIN_EVENT_ENTRY", null)
                            .next())
                    .isTrue();
        }
    }

    @Test
    void aStoreThatTakesNeitherItsPasswordNorNoneIsNotOpened() throws Exception {
        String url = "jdbc:h2:file:" + dataDir.resolve("events");
        try (Connection before = DriverManager.getConnection(url, "sa", "someone else's")) {
            assertThat(before.isValid(1)).isTrue();
        }

        assertThatThrownBy(() -> login.postProcessEnvironment(embeddedStore(url), new SpringApplication()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spring.datasource.password");
    }

    @Test
    void aConfiguredPasswordOrAnotherDatabaseIsLeftAsItIs() {
        MockEnvironment configured = embeddedStore("jdbc:h2:file:" + dataDir.resolve("events"))
                .withProperty("spring.datasource.password", "chosen by the operator");
        MockEnvironment postgres = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/giaoban_tasks");

        login.postProcessEnvironment(configured, new SpringApplication());
        login.postProcessEnvironment(postgres, new SpringApplication());

        assertThat(configured.getProperty("spring.datasource.password")).isEqualTo("chosen by the operator");
        assertThat(postgres.getProperty("spring.datasource.password")).isNull();
        assertThat(dataDir.resolve("events.login")).doesNotExist();
    }

    @Test
    void aUserNameThatIsNotAPlainNameOrALoginFileWithoutAPasswordIsRefused() throws Exception {
        String url = "jdbc:h2:file:" + dataDir.resolve("events");

        assertThatThrownBy(() -> login.postProcessEnvironment(
                        embeddedStore(url).withProperty("spring.datasource.username", "sa; drop all objects"),
                        new SpringApplication()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must be a plain name");

        Files.writeString(dataDir.resolve("events.login"), "it's not one\n");
        assertThatThrownBy(() -> login.postProcessEnvironment(embeddedStore(url), new SpringApplication()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not hold a password");
        assertThat(dataDir.resolve("events.mv.db")).doesNotExist();
    }

    private static MockEnvironment embeddedStore(String url) {
        return new MockEnvironment()
                .withProperty("spring.datasource.url", url)
                .withProperty("spring.datasource.username", "sa")
                .withProperty("spring.datasource.password", "");
    }

    private static void assertRefusedWithoutPassword(String url) {
        assertThatThrownBy(() -> DriverManager.getConnection(url, "sa", ""))
                .isInstanceOf(SQLException.class)
                .hasFieldOrPropertyWithValue("errorCode", ErrorCode.WRONG_USER_OR_PASSWORD);
    }
}
