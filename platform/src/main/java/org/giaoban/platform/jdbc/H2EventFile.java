package org.giaoban.platform.jdbc;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.api.ErrorCode;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.tools.Server;

/**
 * A service's embedded event store, an H2 file, and how other processes reach it.
 *
 * <p>Only the service that owns the file ever opens it. It serves the file to the processes that read it
 * (reporting-service, auditors' tools, tests) over loopback TCP, and publishes how in {@code <file>.server} for as
 * long as it runs. H2's automatic server mode is not used: there, whichever process opened the file first serves it,
 * a reader that outlives the owner takes the file over, and the owner then cannot start again on its own data.
 * Here a reader that finds the owner gone gets a connection error and tries again later; it never holds the file.
 *
 * <p>Loopback is open to every local user, so the server is not: it answers only under a random database name, and
 * readers sign in as {@value #READER}, a login that may only read and whose password changes at every start. Both
 * are published in the address file, which only the owner's user may read (the data directory is private too). The
 * owner's own login ({@link EmbeddedStoreLogin}) is never published.
 */
public final class H2EventFile implements AutoCloseable {

    private static final String FILE_URL_PREFIX = "jdbc:h2:file:";

    /**
     * H2's file system that a thread's interrupt does not close: H2's default one reads and writes through a
     * {@code FileChannel}, which Java closes when a thread is interrupted in it, and the database is then closed for
     * every thread of the service. Axon interrupts a handler that passes its time limit.
     */
    static final String INTERRUPT_SAFE_FILE_SYSTEM = "async:";

    private static final String ADDRESS_SUFFIX = ".server";

    /** The login the readers of an embedded store use: it may read every table, and write none. */
    public static final String READER = "EVENT_READER";

    /**
     * The function a reader calls before it hands on events it read ({@code CALL GIAOBAN_MAKE_DURABLE()}): see
     * {@link #makeDurable}.
     */
    public static final String MAKE_DURABLE = "GIAOBAN_MAKE_DURABLE";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path addressFile;
    private final Server server;
    private final Published published;

    private H2EventFile(Path addressFile, Server server, Published published) {
        this.addressFile = addressFile;
        this.server = server;
        this.published = published;
    }

    /** Whether a JDBC URL names an H2 file (rather than PostgreSQL, or H2 in memory or over TCP). */
    public static boolean isFileUrl(String jdbcUrl) {
        return jdbcUrl != null && jdbcUrl.startsWith(FILE_URL_PREFIX);
    }

    /**
     * Refuses an H2 file URL that a service would open with H2's default file system, naming the one to use: with
     * it, one interrupted thread would close the store (see {@link #INTERRUPT_SAFE_FILE_SYSTEM}).
     */
    public static void requireInterruptSafe(String fileUrl) {
        if (!fileUrl.startsWith(FILE_URL_PREFIX + INTERRUPT_SAFE_FILE_SYSTEM)) {
            throw new IllegalStateException("The embedded event store " + fileUrl + " must be opened through H2's"
                    + " async file system, " + FILE_URL_PREFIX + INTERRUPT_SAFE_FILE_SYSTEM + "<path>: with the"
                    + " default one, a thread interrupted while it reads or writes the file (Axon interrupts a handler"
                    + " past its time limit) closes the database for the whole service");
        }
    }

    /**
     * The database file an H2 file URL names, without H2's {@code .mv.db} ending, the URL's settings and the file
     * system's prefix.
     */
    public static Path databaseOf(String fileUrl) {
        if (!isFileUrl(fileUrl)) {
            throw new IllegalArgumentException("not an H2 file URL: " + fileUrl);
        }
        String rest = fileUrl.substring(FILE_URL_PREFIX.length());
        if (rest.startsWith(INTERRUPT_SAFE_FILE_SYSTEM)) {
            rest = rest.substring(INTERRUPT_SAFE_FILE_SYSTEM.length());
        }
        int settings = rest.indexOf(';');
        return Path.of(settings < 0 ? rest : rest.substring(0, settings))
                .toAbsolutePath()
                .normalize();
    }

    /**
     * Serves an H2 database that this process has open to other processes on loopback, and publishes the address and
     * the readers' login, which it sets through {@code owner}, a connection with the database's administrator login.
     * Some connection to the database must stay open for as long as it is served, or H2 would close it. The server accepts no
     * connection from another host and opens no database but this one, under a name only the address file holds.
     */
    public static H2EventFile serve(Path database, Connection owner) {
        String readerPassword = randomSecret();
        String hiddenName = randomSecret();
        try (Statement statement = owner.createStatement()) {
            // The secrets are Base64url: nothing in them needs quoting.
            statement.execute("CREATE USER IF NOT EXISTS " + READER + " PASSWORD '" + readerPassword + "'");
            statement.execute("ALTER USER " + READER + " SET PASSWORD '" + readerPassword + "'");
            statement.execute("GRANT SELECT ON SCHEMA PUBLIC TO " + READER);
            statement.execute("CREATE ALIAS IF NOT EXISTS " + MAKE_DURABLE + " FOR '" + H2EventFile.class.getName()
                    + ".makeDurable'");
            // The server must name the database exactly as the owner opened it, file system prefix included, or it
            // would open the file a second time and find it locked.
            String openedAs;
            try (ResultSet path = statement.executeQuery("SELECT DATABASE_PATH()")) {
                path.next();
                openedAs = path.getString(1);
            }
            int slash = openedAs.lastIndexOf('/');
            Server server = Server.createTcpServer(
                            "-tcpPort",
                            "0",
                            "-baseDir",
                            openedAs.substring(0, slash),
                            "-ifExists",
                            "-key",
                            hiddenName,
                            openedAs.substring(slash + 1),
                            "-tcpPassword",
                            randomSecret(),
                            "-tcpDaemon")
                    .start();
            Published published = new Published(
                    "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/" + hiddenName, READER, readerPassword);
            Path addressFile = addressFileOf(database);
            writeAtomically(addressFile, published.lines());
            return new H2EventFile(addressFile, server, published);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot serve the event store " + database + " on loopback", e);
        }
    }

    /** The JDBC URL at which other processes reach the database. */
    public String address() {
        return published.url();
    }

    /** Stops serving; the address is withdrawn unless another owner has published its own since. */
    @Override
    public void close() {
        server.stop();
        try {
            if (Published.read(addressFile).equals(published)) {
                Files.deleteIfExists(addressFile);
            }
        } catch (NoSuchFileException gone) {
            // Nothing to withdraw.
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot withdraw " + addressFile, e);
        }
    }

    /**
     * A data source that reaches the H2 file at {@code fileUrl} through the process that owns it, as {@value #READER}:
     * each new connection looks up the owner's current address and login, so a restarted owner is found again. While
     * the owner is not running, {@link DataSource#getConnection()} fails with a transient error.
     */
    public static DataSource servedBy(String fileUrl) {
        return new ServedDataSource(addressFileOf(databaseOf(fileUrl)));
    }

    /**
     * For a connection pool over {@link #servedBy}: a connection whose owner went away is thrown out of the pool. H2's
     * client reports a lost server first as "connection broken" and then, on the same connection, as "database
     * closed", neither of which a pool recognises as fatal; a connection in constant use is never validated either,
     * so without this a reader would keep a dead connection after its owner came back.
     */
    public static SQLExceptionOverride evictConnectionsToAGoneOwner() {
        return new SQLExceptionOverride() {
            @java.lang.Override
            public Override adjudicate(SQLException e) {
                return switch (e.getErrorCode()) {
                    case ErrorCode.CONNECTION_BROKEN_1,
                            ErrorCode.DATABASE_CALLED_AT_SHUTDOWN,
                            ErrorCode.DATABASE_IS_CLOSED -> Override.MUST_EVICT;
                    default -> Override.CONTINUE_EVICT;
                };
            }
        };
    }

    /** The address its owner published, if it is running. */
    public static Optional<String> publishedAddress(Path database) {
        try {
            return Optional.of(Published.read(addressFileOf(database)).url());
        } catch (NoSuchFileException notRunning) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * H2 makes a commit visible before it is in the file; {@code CHECKPOINT} waits until everything committed is, but
     * needs the administrator's rights, which a reader does not have. This function, called by a reader through the
     * server, runs in the owner's process, where the server and the database are, and checkpoints the caller's
     * database on its behalf. It can do nothing else.
     */
    public static void makeDurable(Connection caller) throws SQLException {
        if (!(caller instanceof JdbcConnection embedded) || !(embedded.getSession() instanceof SessionLocal session)) {
            throw new SQLException(MAKE_DURABLE + " runs only inside the process that owns the database");
        }
        session.getDatabase().checkpoint();
    }

    static String randomSecret() {
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    private static Path addressFileOf(Path database) {
        return database.resolveSibling(database.getFileName() + ADDRESS_SUFFIX);
    }

    /**
     * A reader never sees half an address: the file is written beside it and moved into place. A temporary file is
     * made readable by its owner only, and the move keeps that.
     */
    private static void writeAtomically(Path file, String content) {
        try {
            Path written =
                    Files.createTempFile(file.getParent(), file.getFileName().toString(), ".new");
            Files.writeString(written, content, StandardCharsets.UTF_8);
            try {
                Files.move(written, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(written, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot publish the address of the event store in " + file, e);
        }
    }

    /** What an owner publishes for its readers: one line each for the address, the login and its password. */
    private record Published(String url, String user, String password) {

        String lines() {
            return url + "\n" + user + "\n" + password + "\n";
        }

        static Published read(Path addressFile) throws IOException {
            List<String> lines = Files.readAllLines(addressFile, StandardCharsets.UTF_8);
            if (lines.size() < 3) {
                throw new IOException(addressFile + " does not hold an address, a login and a password");
            }
            return new Published(
                    lines.get(0).strip(), lines.get(1).strip(), lines.get(2).strip());
        }
    }

    private record ServedDataSource(Path addressFile) implements DataSource {

        @Override
        public Connection getConnection() throws SQLException {
            Published published;
            try {
                published = Published.read(addressFile);
            } catch (NoSuchFileException notRunning) {
                throw new SQLTransientConnectionException(
                        "The service that owns this event store is not running (no " + addressFile.getFileName() + ")",
                        "08001");
            } catch (IOException e) {
                throw new SQLTransientConnectionException("Cannot read " + addressFile, "08001", e);
            }
            return DriverManager.getConnection(published.url(), published.user(), published.password());
        }

        /** The login is the one its owner publishes; another cannot be chosen. */
        @Override
        public Connection getConnection(String username, String secret) throws SQLException {
            throw new SQLFeatureNotSupportedException(
                    "An embedded event store is read with the login its owner publishes");
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
