package org.giaoban.suite.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading GIAOBAN_POSTGRES_URL and naming the services' databases on that server. */
class PostgresServerTest {

    @Test
    void aServerWithoutADatabaseIsReachedThroughPostgres() {
        PostgresServer server = PostgresServer.parse("jdbc:postgresql://127.0.0.1:5432/");

        assertThat(server.maintenanceUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/postgres");
        assertThat(server.databaseUrl("giaoban_tasks")).isEqualTo("jdbc:postgresql://127.0.0.1:5432/giaoban_tasks");
    }

    @Test
    void theSlashAndThePortMayBeLeftOut() {
        PostgresServer server = PostgresServer.parse("jdbc:postgresql://db.example.vn");

        assertThat(server.maintenanceUrl()).isEqualTo("jdbc:postgresql://db.example.vn/postgres");
        assertThat(server.databaseUrl("giaoban_training"))
                .isEqualTo("jdbc:postgresql://db.example.vn/giaoban_training");
    }

    @Test
    void theNamedDatabaseIsOnlyWhereTheOthersAreCreatedFrom() {
        PostgresServer server = PostgresServer.parse("jdbc:postgresql://127.0.0.1:5433/template1");

        assertThat(server.maintenanceUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5433/template1");
        assertThat(server.databaseUrl("giaoban_tasks")).isEqualTo("jdbc:postgresql://127.0.0.1:5433/giaoban_tasks");
    }

    @Test
    void severalHostsAndTheParametersAreKeptForEveryDatabase() {
        PostgresServer server = PostgresServer.parse(
                "jdbc:postgresql://db1:5432,db2:5432,[::1]:5432/postgres?sslmode=require&targetServerType=primary");

        assertThat(server.databaseUrl("giaoban_tasks"))
                .isEqualTo("jdbc:postgresql://db1:5432,db2:5432,[::1]:5432/giaoban_tasks"
                        + "?sslmode=require&targetServerType=primary");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void anEmptyUrlIsRefused(String url) {
        assertThatThrownBy(() -> PostgresServer.parse(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GIAOBAN_POSTGRES_URL is empty")
                .hasMessageContaining("jdbc:postgresql://HOST[:PORT]/");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "postgresql://127.0.0.1:5432/",
                "jdbc:mysql://127.0.0.1:3306/",
                "jdbc:h2:file:./data/tasks-service/events",
                "jdbc:postgresql:giaoban_tasks",
                "127.0.0.1:5432"
            })
    void aUrlOfAnotherKindIsRefused(String url) {
        assertThatThrownBy(() -> PostgresServer.parse(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a PostgreSQL server's JDBC URL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:postgresql:///", "jdbc:postgresql://?sslmode=require", "jdbc:postgresql:///postgres"})
    void aUrlWithoutAHostIsRefused(String url) {
        assertThatThrownBy(() -> PostgresServer.parse(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("names no host");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "jdbc:postgresql://127.0.0.1:0/",
                "jdbc:postgresql://127.0.0.1:70000/",
                "jdbc:postgresql://127.0.0.1:port/",
                "jdbc:postgresql://db1,,db2/",
                "jdbc:postgresql://admin@127.0.0.1/"
            })
    void aHostThatIsNotHostAndPortIsRefused(String url) {
        assertThatThrownBy(() -> PostgresServer.parse(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has a host that is not HOST or HOST:PORT");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres",
                "jdbc:postgresql://127.0.0.1:5432/?sslmode=require&password=secret",
                "jdbc:postgresql://127.0.0.1:5432/?USER=postgres"
            })
    void anAccountInTheUrlIsRefusedInFavourOfTheVariables(String url) {
        assertThatThrownBy(() -> PostgresServer.parse(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("set GIAOBAN_POSTGRES_USER and GIAOBAN_POSTGRES_PASSWORD instead");
    }

    @Test
    void aDatabaseNameThatIsNotPlainIsRefused() {
        assertThatThrownBy(() -> PostgresServer.parse("jdbc:postgresql://127.0.0.1:5432/my%20db"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("names the database 'my%20db'");
        PostgresServer server = PostgresServer.parse("jdbc:postgresql://127.0.0.1:5432/");
        assertThatThrownBy(() -> server.databaseUrl("giaoban\"; DROP DATABASE postgres; --"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aParameterThatIsNotNameAndValueIsRefused() {
        assertThatThrownBy(() -> PostgresServer.parse("jdbc:postgresql://127.0.0.1:5432/?sslmode"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not NAME=VALUE: 'sslmode'");
    }

    @Test
    void aUrlWithWhiteSpaceIsRefused() {
        assertThatThrownBy(() -> PostgresServer.parse(" jdbc:postgresql://127.0.0.1:5432/"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("contains white space");
    }

    @Test
    void aRolesPasswordMustNeedNoQuoting() {
        String setting = "GIAOBAN_POSTGRES_READER_PASSWORD";
        PostgresDatabases.checkPassword(setting, null);
        PostgresDatabases.checkPassword(setting, "");
        PostgresDatabases.checkPassword(setting, "Zm9vYmFyYmF6cXV4-_12");
        assertThatThrownBy(() -> PostgresDatabases.checkPassword(setting, "it's-a-long-password"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GIAOBAN_POSTGRES_READER_PASSWORD must be 16 to 200 letters");
        assertThatThrownBy(() -> PostgresDatabases.checkPassword("GIAOBAN_POSTGRES_TASKS_PASSWORD", "short"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GIAOBAN_POSTGRES_TASKS_PASSWORD");
    }
}
