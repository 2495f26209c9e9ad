package org.giaoban.suite.launch;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Makes the databases of tasks-service and training-service on a PostgreSQL server when they are missing, and a role
 * that can only read them, for reporting-service; {@code bin/giaoban up} runs it when {@code GIAOBAN_POSTGRES_URL} is
 * set. Running it again changes nothing but the reader's password.
 *
 * <p>From the environment: {@code GIAOBAN_POSTGRES_URL} (see {@link PostgresServer}), {@code GIAOBAN_POSTGRES_USER}
 * ({@code postgres}) and {@code GIAOBAN_POSTGRES_PASSWORD} (empty), the account that creates the databases and that
 * the two services then use; {@code GIAOBAN_POSTGRES_READER_PASSWORD}, the reader's password (letters, digits,
 * {@code -} and {@code _}; unset: no reader role, reporting-service reads with the same account). The reader is the
 * role {@value #READER}: it may connect to both databases and read every table in their {@code public} schema,
 * including those the account creates later (default privileges), and its transactions are read-only. When the
 * account may not create or change roles, reporting-service reads with the account itself, and this says so.
 *
 * <p>Prints, on standard output, {@code tasks-url=...}, {@code training-url=...} and {@code reader=<role>}; what it
 * did goes to standard error. Exit status 0 when done, 1 when the server refused, 2 for a wrong setting.
 */
public final class PostgresDatabases {

    public static final String TASKS_DATABASE = "giaoban_tasks";
    public static final String TRAINING_DATABASE = "giaoban_training";
    public static final String READER = "giaoban_reporting";

    private static final Pattern ROLE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Pattern READER_PASSWORD = Pattern.compile("[A-Za-z0-9_-]{16,200}");
    private static final String DUPLICATE_DATABASE = "42P04";
    private static final String DUPLICATE_OBJECT = "42710";
    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    private static final int CONNECT_SECONDS = 10;

    private final PostgresServer server;
    private final String user;
    private final String password;
    private final PrintStream log;

    public PostgresDatabases(PostgresServer server, String user, String password, PrintStream log) {
        this.server = server;
        this.user = user;
        this.password = password == null ? "" : password;
        this.log = log;
    }

    public static void main(String[] args) {
        PostgresServer server;
        String user = orDefault(System.getenv("GIAOBAN_POSTGRES_USER"), "postgres");
        String readerPassword = System.getenv("GIAOBAN_POSTGRES_READER_PASSWORD");
        try {
            server = PostgresServer.parse(System.getenv("GIAOBAN_POSTGRES_URL"));
            checkReaderPassword(readerPassword);
        } catch (IllegalArgumentException wrong) {
            System.err.println(wrong.getMessage());
            System.exit(2);
            return;
        }
        PostgresDatabases databases =
                new PostgresDatabases(server, user, System.getenv("GIAOBAN_POSTGRES_PASSWORD"), System.err);
        try {
            databases.create(List.of(TASKS_DATABASE, TRAINING_DATABASE));
            String reader = readerPassword == null || readerPassword.isEmpty()
                    ? databases.sameAccount("GIAOBAN_POSTGRES_READER_PASSWORD is not set")
                    : databases.reader(READER, readerPassword, List.of(TASKS_DATABASE, TRAINING_DATABASE));
            System.out.println("tasks-url=" + server.databaseUrl(TASKS_DATABASE));
            System.out.println("training-url=" + server.databaseUrl(TRAINING_DATABASE));
            System.out.println("reader=" + reader);
        } catch (SQLException failure) {
            System.err.println("PostgreSQL at " + server.maintenanceUrl() + " (user " + user + ") failed: "
                    + failure.getMessage() + " [SQLSTATE " + failure.getSQLState() + "]");
            System.exit(1);
        }
    }

    /** The reader's password goes into a {@code PASSWORD '...'} literal, so it is kept to characters that need none. */
    static void checkReaderPassword(String readerPassword) {
        if (readerPassword != null
                && !readerPassword.isEmpty()
                && !READER_PASSWORD.matcher(readerPassword).matches()) {
            throw new IllegalArgumentException("GIAOBAN_POSTGRES_READER_PASSWORD must be 16 to 200 letters, digits,"
                    + " '-' or '_' (e.g. head -c 24 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')");
        }
    }

    /** Creates each database that is missing; one that another process creates meanwhile counts as there. */
    public void create(List<String> databases) throws SQLException {
        try (Connection connection = connect(server.maintenanceUrl())) {
            for (String database : databases) {
                server.databaseUrl(database); // a plain name, safe to quote
                if (exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
                    log.println("database " + database + " is there");
                    continue;
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE DATABASE \"" + database + "\"");
                    log.println("database " + database + " created");
                } catch (SQLException failure) {
                    if (!DUPLICATE_DATABASE.equals(failure.getSQLState())) {
                        throw failure;
                    }
                    log.println("database " + database + " is there");
                }
            }
        }
    }

    /**
     * Makes {@code role} a read-only login for {@code databases} with {@code readerPassword}, and answers its name; or
     * answers the account's own name when the account may not manage roles.
     */
    public String reader(String role, String readerPassword, List<String> databases) throws SQLException {
        if (!ROLE.matcher(role).matches()) {
            throw new IllegalArgumentException("'" + role + "' is not a plain role name");
        }
        checkReaderPassword(readerPassword);
        try {
            try (Connection connection = connect(server.maintenanceUrl());
                    Statement statement = connection.createStatement()) {
                String login = " WITH LOGIN PASSWORD '" + readerPassword + "'";
                if (exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", role)) {
                    statement.execute("ALTER ROLE " + role + login);
                } else {
                    try {
                        statement.execute("CREATE ROLE " + role + login);
                    } catch (SQLException failure) {
                        if (!DUPLICATE_OBJECT.equals(failure.getSQLState())) {
                            throw failure;
                        }
                        statement.execute("ALTER ROLE " + role + login);
                    }
                }
                statement.execute("ALTER ROLE " + role + " SET default_transaction_read_only = on");
            }
            for (String database : databases) {
                try (Connection connection = connect(server.databaseUrl(database));
                        Statement statement = connection.createStatement()) {
                    statement.execute("GRANT CONNECT ON DATABASE \"" + database + "\" TO " + role);
                    statement.execute("GRANT USAGE ON SCHEMA public TO " + role);
                    statement.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + role);
                    statement.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO " + role);
                }
            }
        } catch (SQLException failure) {
            if (!INSUFFICIENT_PRIVILEGE.equals(failure.getSQLState())) {
                throw failure;
            }
            return sameAccount(user + " may not make the role " + role + " (" + failure.getMessage() + ")");
        }
        log.println("role " + role + " reads " + String.join(" and ", databases) + " (read-only)");
        return role;
    }

    private String sameAccount(String why) {
        log.println("no read-only role: " + why + "; reporting-service reads with " + user);
        return user;
    }

    private Connection connect(String url) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", Integer.toString(CONNECT_SECONDS));
        properties.setProperty("loginTimeout", Integer.toString(CONNECT_SECONDS));
        return DriverManager.getConnection(url, properties);
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }
}
