package org.giaoban.platform.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.logging.Log;
import org.giaoban.platform.datadir.OwnerOnlyFile;
import org.h2.api.ErrorCode;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The administrator login of an embedded event store. A service on an H2 file with no password configured signs in
 * with a random one kept beside the file in {@code <file>.login} (permissions 0600), made on first start. A store made
 * before it, whose administrator had no password, is given this one when it is first opened: from then on nobody can
 * sign in without it, over the store's loopback server included. A password the operator configures is used as it is.
 */
public class EmbeddedStoreLogin implements EnvironmentPostProcessor, Ordered {

    static final String LOGIN_SUFFIX = ".login";

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private final Log log;

    public EmbeddedStoreLogin(DeferredLogFactory logs) {
        this.log = logs.getLog(EmbeddedStoreLogin.class);
    }

    /** After the data directory is made private, before anything opens a store. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty("spring.datasource.url");
        String password = environment.getProperty("spring.datasource.password");
        if (!H2EventFile.isFileUrl(url) || (password != null && !password.isEmpty())) {
            return;
        }
        String user = environment.getProperty("spring.datasource.username", "sa");
        String secret = passwordFor(url, user);
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "giaoban-embedded-store-login", Map.of("spring.datasource.password", secret)));
    }

    /** The password of the store's administrator {@code user}: read or made, and set on a store that had none. */
    String passwordFor(String url, String user) {
        if (!PLAIN_NAME.matcher(user).matches()) {
            throw new IllegalStateException("The embedded event store's user name must be a plain name: " + user);
        }
        Path database = H2EventFile.databaseOf(url);
        Path loginFile = database.resolveSibling(database.getFileName() + LOGIN_SUFFIX);
        String secret = readOrMake(loginFile);
        if (Files.exists(database.resolveSibling(database.getFileName() + ".mv.db"))) {
            giveTheStoreItsPassword(url, user, secret, database);
        }
        return secret;
    }

    private void giveTheStoreItsPassword(String url, String user, String secret, Path database) {
        try (Connection ignored = DriverManager.getConnection(url, user, secret)) {
            return;
        } catch (SQLException e) {
            if (e.getErrorCode() != ErrorCode.WRONG_USER_OR_PASSWORD) {
                throw new IllegalStateException("Cannot open the embedded event store " + database, e);
            }
        }
        try (Connection withoutPassword = DriverManager.getConnection(url, user, "");
                Statement statement = withoutPassword.createStatement()) {
            statement.execute("ALTER USER " + user + " SET PASSWORD '" + secret + "'");
            log.warn("The embedded event store " + database + " let " + user + " in without a password; it now takes"
                    + " the one in " + database.getFileName() + LOGIN_SUFFIX);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "The embedded event store " + database + " refuses " + user + " with the"
                            + " password in " + database.getFileName() + LOGIN_SUFFIX + " and without one: set"
                            + " spring.datasource.password to its password",
                    e);
        }
    }

    private static String readOrMake(Path loginFile) {
        try {
            if (Files.notExists(loginFile)) {
                OwnerOnlyFile.create(loginFile, (H2EventFile.randomSecret() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            String secret = Files.readString(loginFile, StandardCharsets.UTF_8).strip();
            if (secret.isEmpty() || !secret.matches("[A-Za-z0-9_-]+")) {
                throw new IllegalStateException(loginFile + " does not hold a password; remove it only if the store"
                        + " beside it is new, or write the store's password in it");
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "The login of the embedded event store " + loginFile + " cannot be read or" + " made", e);
        }
    }
}
