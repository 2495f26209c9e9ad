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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.api.ErrorCode;
import org.h2.tools.Server;

/**
 * A service's embedded event store, an H2 file, and how other processes reach it.
 *
 * <p>Only the service that owns the file ever opens it. It serves the file to the processes that read it
 * (reporting-service, auditors' tools, tests) over loopback TCP, and publishes where in {@code <file>.server} for as
 * long as it runs. H2's automatic server mode is not used: there, whichever process opened the file first serves it,
 * a reader that outlives the owner takes the file over, and the owner then cannot start again on its own data.
 * Here a reader that finds the owner gone gets a connection error and tries again later; it never holds the file.
 */
public final class H2EventFile implements AutoCloseable {

    private static final String FILE_URL_PREFIX = "jdbc:h2:file:";
    private static final String ADDRESS_SUFFIX = ".server";

    private final Path addressFile;
    private final Server server;
    private final String address;

    private H2EventFile(Path addressFile, Server server, String address) {
        this.addressFile = addressFile;
        this.server = server;
        this.address = address;
    }

    /** Whether a JDBC URL names an H2 file (rather than PostgreSQL, or H2 in memory or over TCP). */
    public static boolean isFileUrl(String jdbcUrl) {
        return jdbcUrl != null && jdbcUrl.startsWith(FILE_URL_PREFIX);
    }

    /** The database file an H2 file URL names, without H2's {@code .mv.db} ending and without the URL's settings. */
    public static Path databaseOf(String fileUrl) {
        if (!isFileUrl(fileUrl)) {
            throw new IllegalArgumentException("not an H2 file URL: " + fileUrl);
        }
        String rest = fileUrl.substring(FILE_URL_PREFIX.length());
        int settings = rest.indexOf(';');
        return Path.of(settings < 0 ? rest : rest.substring(0, settings))
                .toAbsolutePath()
                .normalize();
    }

    /**
     * Serves an H2 database that this process has open (a connection to it must be open, or H2 would close it) to
     * other processes on loopback, and publishes the address. The server accepts no connection from another host
     * and opens no database but this one.
     */
    public static H2EventFile serve(Path database) {
        Path directory = database.getParent();
        try {
            Server server = Server.createTcpServer(
                            "-tcpPort",
                            "0",
                            "-baseDir",
                            directory.toString(),
                            "-ifExists",
                            "-tcpPassword",
                            UUID.randomUUID().toString(),
                            "-tcpDaemon")
                    .start();
            String address = "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/" + database.getFileName();
            Path addressFile = addressFileOf(database);
            writeAtomically(addressFile, address);
            return new H2EventFile(addressFile, server, address);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot serve the event store " + database + " on loopback", e);
        }
    }

    /** The JDBC URL at which other processes reach the database. */
    public String address() {
        return address;
    }

    /** Stops serving; the address is withdrawn unless another owner has published its own since. */
    @Override
    public void close() {
        server.stop();
        try {
            if (Files.readString(addressFile, StandardCharsets.UTF_8).strip().equals(address)) {
                Files.deleteIfExists(addressFile);
            }
        } catch (NoSuchFileException gone) {
            // Nothing to withdraw.
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot withdraw " + addressFile, e);
        }
    }

    /**
     * A data source that reaches the H2 file at {@code fileUrl} through the process that owns it: each new connection
     * looks up the owner's current address, so a restarted owner is found again. While the owner is not running,
     * {@link DataSource#getConnection()} fails with a transient error.
     */
    public static DataSource servedBy(String fileUrl, String user, String password) {
        return new ServedDataSource(addressFileOf(databaseOf(fileUrl)), user, password == null ? "" : password);
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
            return Optional.of(Files.readString(addressFileOf(database), StandardCharsets.UTF_8)
                    .strip());
        } catch (NoSuchFileException notRunning) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path addressFileOf(Path database) {
        return database.resolveSibling(database.getFileName() + ADDRESS_SUFFIX);
    }

    /** A reader never sees half an address: the file is written beside it and moved into place. */
    private static void writeAtomically(Path file, String content) {
        try {
            Path written =
                    Files.createTempFile(file.getParent(), file.getFileName().toString(), ".new");
            Files.writeString(written, content + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(written, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(written, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot publish the address of the event store in " + file, e);
        }
    }

    private record ServedDataSource(Path addressFile, String user, String password) implements DataSource {

        @Override
        public Connection getConnection() throws SQLException {
            return getConnection(user, password);
        }

        @Override
        public Connection getConnection(String username, String secret) throws SQLException {
            String address;
            try {
                address = Files.readString(addressFile, StandardCharsets.UTF_8).strip();
            } catch (NoSuchFileException notRunning) {
                throw new SQLTransientConnectionException(
                        "The service that owns this event store is not running (no " + addressFile.getFileName() + ")",
                        "08001");
            } catch (IOException e) {
                throw new SQLTransientConnectionException("Cannot read " + addressFile, "08001", e);
            }
            return DriverManager.getConnection(address, username, secret);
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
