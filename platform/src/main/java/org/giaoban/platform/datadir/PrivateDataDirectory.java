package org.giaoban.platform.datadir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The data directory ({@code giaoban.data-dir}, {@code ./data} by default) holds the embedded stores, the identity
 * secret and the keys, so it is its owner's alone: made with permissions {@code rwx------} before any store opens a
 * file in it when it is named, and narrowed to that whenever it is found open to others. On a file system without
 * POSIX permissions it is only made. The launcher also runs everything under {@code umask 077}.
 */
public class PrivateDataDirectory implements EnvironmentPostProcessor, Ordered {

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private final Log log;

    public PrivateDataDirectory(DeferredLogFactory logs) {
        this.log = logs.getLog(PrivateDataDirectory.class);
    }

    /** Before anything makes a file in the directory (the embedded stores' logins among them). */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 10;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty("giaoban.data-dir");
        Path directory = Path.of(configured != null ? configured : "./data");
        if (configured == null && !Files.isDirectory(directory)) {
            // Not named and not there: a service on stores of its own, or a test slice; a store that needs it makes it.
            return;
        }
        if (secure(directory)) {
            log.warn("The data directory " + directory.toAbsolutePath() + " was open to other users; it is now its"
                    + " owner's alone (rwx------)");
        }
    }

    /** Makes the directory private; returns whether it existed with wider permissions. */
    static boolean secure(Path directory) {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        try {
            if (!Files.isDirectory(directory)) {
                if (posix) {
                    Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                    Files.setPosixFilePermissions(directory, OWNER_ONLY);
                } else {
                    Files.createDirectories(directory);
                }
                return false;
            }
            if (posix && !Files.getPosixFilePermissions(directory).equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(directory, OWNER_ONLY);
                return true;
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("The data directory " + directory.toAbsolutePath() + " cannot be made", e);
        }
    }
}
