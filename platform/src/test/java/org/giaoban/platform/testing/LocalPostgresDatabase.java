package org.giaoban.platform.testing;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A database of its own, for one test run, on the PostgreSQL server whose maintenance database
 * {@code GIAOBAN_TEST_POSTGRES_URL} names (CI sets {@code jdbc:postgresql://127.0.0.1:5432/postgres}); the user is
 * {@code GIAOBAN_TEST_POSTGRES_USER}, {@code postgres} by default, without a password. Tests that use it run only
 * where that variable is set.
 */
public final class LocalPostgresDatabase {

    public static final String SERVER_URL = "GIAOBAN_TEST_POSTGRES_URL";
    public static final String SERVER_URL_PATTERN = "jdbc:postgresql:.+";

    private final String name;

    public LocalPostgresDatabase(String prefix) {
        this.name = prefix + "_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** Creates the database and points the service's datasource at it. */
    public void createFor(DynamicPropertyRegistry properties) throws SQLException {
        String url = create();
        properties.add("spring.datasource.url", () -> url);
        properties.add("spring.datasource.username", LocalPostgresDatabase::user);
        properties.add("spring.datasource.password", () -> "");
    }

    /**
     * Creates the database and points the service's datasource at it through {@code proxy}, which must lead to the
     * server (see {@link #proxyToServer()}), so that a test can take the database away from the service.
     */
    public void createFor(DynamicPropertyRegistry properties, TcpProxy proxy) throws SQLException {
        create();
        String url = "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + name;
        properties.add("spring.datasource.url", () -> url);
        properties.add("spring.datasource.username", LocalPostgresDatabase::user);
        properties.add("spring.datasource.password", () -> "");
    }

    /** Creates the database; answers its JDBC URL, for {@link #user()} without a password. */
    public String create() throws SQLException {
        execute("CREATE DATABASE " + name);
        return url();
    }

    /** The database's JDBC URL on the server itself, whatever a service is given. */
    public String url() {
        String serverUrl = System.getenv(SERVER_URL);
        return serverUrl.substring(0, serverUrl.lastIndexOf('/') + 1) + name;
    }

    /** A {@link TcpProxy} on a loopback port of its own to the server {@value #SERVER_URL} names. */
    public static TcpProxy proxyToServer() {
        URI server = URI.create(System.getenv(SERVER_URL).substring("jdbc:".length()));
        return TcpProxy.to(server.getHost(), server.getPort() < 0 ? 5432 : server.getPort());
    }

    /** Drops the database, even while the service under test still holds connections to it. */
    public void drop() throws SQLException {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    public static String user() {
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
