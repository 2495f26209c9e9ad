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
 * Makes the databases of tasks-service and training-service on a PostgreSQL server when they are missing, a login for
 * each service that owns its database and nothing else, and a role that can only read them, for reporting-service;
 * {@code bin/giaoban up} runs it when {@code GIAOBAN_POSTGRES_URL} is set. Running it again changes nothing but the
 * passwords.
 *
 * <p>From the environment: {@code GIAOBAN_POSTGRES_URL} (see {@link PostgresServer}), {@code GIAOBAN_POSTGRES_USER}
 * ({@code postgres}) and {@code GIAOBAN_POSTGRES_PASSWORD} (empty), the account that creates the databases and roles;
 * {@code GIAOBAN_POSTGRES_TASKS_PASSWORD} and {@code GIAOBAN_POSTGRES_TRAINING_PASSWORD}, the services' passwords, and
 * {@code GIAOBAN_POSTGRES_READER_PASSWORD}, the reader's (letters, digits, {@code -} and {@code _}; unset: no such
 * role, and the service or reporting-service uses the account itself).
 *
 * <p>A service's login is the role named as its database ({@value #TASKS_DATABASE}, {@value #TRAINING_DATABASE}): no
 * superuser, it may make no role and no database, it owns its database and every table in it (tables an earlier start
 * made as the account become its own), and it may not connect to the other's database, which nobody may but its owner
 * and the reader. The reader is the role {@value #READER}: it may connect to both databases and read every table in
 * their {@code public} schema, including those their owners create later (default privileges), and its transactions
 * are read-only. When the account may not create or change roles, the services and reporting-service use the account
 * itself, and this says so.
 *
 * <p>Prints, on standard output, {@code tasks-url=...}, {@code training-url=...}, {@code tasks-user=<role>},
 * {@code training-user=<role>} and {@code reader=<role>}; what it did goes to standard error. Exit status 0 when done,
 * 1 when the server refused, 2 for a wrong setting.
 */
public final class PostgresDatabases {

    public static final String TASKS_DATABASE = "giaoban_tasks";
    public static final String TRAINING_DATABASE = "giaoban_training";
    public static final String READER = "giaoban_reporting";

    private static final Pattern ROLE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Pattern PASSWORD = Pattern.compile("[A-Za-z0-9_-]{16,200}");
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
        String tasksPassword = System.getenv("GIAOBAN_POSTGRES_TASKS_PASSWORD");
        String trainingPassword = System.getenv("GIAOBAN_POSTGRES_TRAINING_PASSWORD");
        try {
            server = PostgresServer.parse(System.getenv("GIAOBAN_POSTGRES_URL"));
            checkPassword("GIAOBAN_POSTGRES_READER_PASSWORD", readerPassword);
            checkPassword("GIAOBAN_POSTGRES_TASKS_PASSWORD", tasksPassword);
            checkPassword("GIAOBAN_POSTGRES_TRAINING_PASSWORD", trainingPassword);
        } catch (IllegalArgumentException wrong) {
            System.err.println(wrong.getMessage());
            System.exit(2);
            return;
        }
        PostgresDatabases databases =
                new PostgresDatabases(server, user, System.getenv("GIAOBAN_POSTGRES_PASSWORD"), System.err);
        try {
            databases.create(List.of(TASKS_DATABASE, TRAINING_DATABASE));
            String tasksUser = isEmpty(tasksPassword)
                    ? databases.sameAccount("GIAOBAN_POSTGRES_TASKS_PASSWORD is not set", "tasks-service")
                    : databases.owner(TASKS_DATABASE, tasksPassword, TASKS_DATABASE);
            String trainingUser = isEmpty(trainingPassword)
                    ? databases.sameAccount("GIAOBAN_POSTGRES_TRAINING_PASSWORD is not set", "training-service")
                    : databases.owner(TRAINING_DATABASE, trainingPassword, TRAINING_DATABASE);
            String reader = isEmpty(readerPassword)
                    ? databases.sameAccount("GIAOBAN_POSTGRES_READER_PASSWORD is not set", "reporting-service")
                    : databases.reader(READER, readerPassword, List.of(TASKS_DATABASE, TRAINING_DATABASE));
            System.out.println("tasks-url=" + server.databaseUrl(TASKS_DATABASE));
            System.out.println("training-url=" + server.databaseUrl(TRAINING_DATABASE));
            System.out.println("tasks-user=" + tasksUser);
            System.out.println("training-user=" + trainingUser);
            System.out.println("reader=" + reader);
        } catch (SQLException failure) {
            System.err.println("PostgreSQL at " + server.maintenanceUrl() + " (user " + user + ") failed: "
                    + failure.getMessage() + " [SQLSTATE " + failure.getSQLState() + "]");
            System.exit(1);
        }
    }

    /** A password goes into a {@code PASSWORD '...'} literal, so it is kept to characters that need none. */
    static void checkPassword(String setting, String password) {
        if (!isEmpty(password) && !PASSWORD.matcher(password).matches()) {
            throw new IllegalArgumentException(setting + " must be 16 to 200 letters, digits, '-' or '_'"
                    + " (e.g. head -c 24 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')");
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
        checkPassword("the reader's password", readerPassword);
        try {
            try (Connection connection = connect(server.maintenanceUrl());
                    Statement statement = connection.createStatement()) {
                login(connection, role, readerPassword);
                statement.execute("ALTER ROLE " + role + " SET default_transaction_read_only = on");
            }
            for (String database : databases) {
                try (Connection connection = connect(server.databaseUrl(database));
                        Statement statement = connection.createStatement()) {
                    String owner = ownerOf(connection, database);
                    statement.execute("GRANT CONNECT ON DATABASE \"" + database + "\" TO " + role);
                    statement.execute("GRANT USAGE ON SCHEMA public TO " + role);
                    statement.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + role);
                    // Default privileges follow the role that creates a table: the service, once it owns the database.
                    statement.execute("ALTER DEFAULT PRIVILEGES FOR ROLE " + owner
                            + " IN SCHEMA public GRANT SELECT ON TABLES TO " + role);
                }
            }
        } catch (SQLException failure) {
            if (!INSUFFICIENT_PRIVILEGE.equals(failure.getSQLState())) {
                throw failure;
            }
            return sameAccount(
                    user + " may not make the role " + role + " (" + failure.getMessage() + ")", "reporting-service");
        }
        log.println("role " + role + " reads " + String.join(" and ", databases) + " (read-only)");
        return role;
    }

    /**
     * Makes {@code role} the login of the service whose database is {@code database}: it owns the database, its
     * {@code public} schema and every table and view in it, may make no role, no database and is no superuser, and
     * the database accepts no connection but its owner's and those granted. Answers its name, or the account's own
     * name when the account may not manage roles.
     */
    public String owner(String role, String rolePassword, String database) throws SQLException {
        if (!ROLE.matcher(role).matches()) {
            throw new IllegalArgumentException("'" + role + "' is not a plain role name");
        }
        checkPassword("the service's password", rolePassword);
        server.databaseUrl(database); // a plain name, safe to quote
        try {
            try (Connection connection = connect(server.maintenanceUrl());
                    Statement statement = connection.createStatement()) {
                login(connection, role, rolePassword);
                statement.execute("ALTER ROLE " + role + " NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION");
                if (!isSuperuser(connection)) {
                    // Only a member of a role may hand it a database.
                    statement.execute("GRANT " + role + " TO CURRENT_USER");
                }
                statement.execute("ALTER DATABASE \"" + database + "\" OWNER TO " + role);
                statement.execute("REVOKE ALL ON DATABASE \"" + database + "\" FROM PUBLIC");
            }
            try (Connection connection = connect(server.databaseUrl(database));
                    Statement statement = connection.createStatement()) {
                statement.execute("ALTER SCHEMA public OWNER TO " + role);
                statement.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
                // Tables made while the service logged in as the account; their identity sequences follow them.
                statement.execute("DO $$ DECLARE r record; BEGIN"
                        + " FOR r IN SELECT c.relname, c.relkind FROM pg_class c"
                        + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm')"
                        + " AND pg_get_userbyid(c.relowner) <> '" + role + "' LOOP"
                        + " EXECUTE format('ALTER %s public.%I OWNER TO " + role + "',"
                        + " CASE r.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END,"
                        + " r.relname);"
                        + " END LOOP; END $$");
            }
        } catch (SQLException failure) {
            if (!INSUFFICIENT_PRIVILEGE.equals(failure.getSQLState())) {
                throw failure;
            }
            return sameAccount(
                    user + " may not make the role " + role + " (" + failure.getMessage() + ")",
                    "the service of " + database);
        }
        log.println("role " + role + " owns " + database + " and logs in to nothing else");
        return role;
    }

    private static void login(Connection connection, String role, String password) throws SQLException {
        String login = " WITH LOGIN PASSWORD '" + password + "'";
        try (Statement statement = connection.createStatement()) {
            if (exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", role)) {
                statement.execute("ALTER ROLE " + role + login);
                return;
            }
            try {
                statement.execute("CREATE ROLE " + role + login);
            } catch (SQLException failure) {
                if (!DUPLICATE_OBJECT.equals(failure.getSQLState())) {
                    throw failure;
                }
                statement.execute("ALTER ROLE " + role + login);
            }
        }
    }

    private static boolean isSuperuser(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")) {
            return rows.next() && rows.getBoolean(1);
        }
    }

    private static String ownerOf(Connection connection, String database) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = ?")) {
            statement.setString(1, database);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new SQLException("no database " + database, "3D000");
                }
                String owner = rows.getString(1);
                if (!ROLE.matcher(owner).matches()) {
                    throw new SQLException("the owner of " + database + " is not a plain role name: " + owner);
                }
                return owner;
            }
        }
    }

    private String sameAccount(String why, String who) {
        log.println("no role of its own for " + who + ": " + why + "; it uses " + user);
        return user;
    }

    private static boolean isEmpty(String value) {
        return value == null || value.isEmpty();
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
