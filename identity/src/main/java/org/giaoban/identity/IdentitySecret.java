package org.giaoban.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secret that signs (and, in the services, verifies) {@link IdentityHeader#NAME}: the configured one, or the one in
 * {@code <data-dir>/identity.secret}, which the first process to need it makes with 48 random bytes (64 characters of
 * base64url) and permissions 0600. Two processes starting together both end up with the same file: it is written
 * under another name and then linked into place, which fails for the second.
 */
public final class IdentitySecret {

    private static final Logger log = LoggerFactory.getLogger(IdentitySecret.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private IdentitySecret() {}

    /**
     * @param configured the value of {@value IdentityHeader#SECRET_PROPERTY}, may be null or blank
     * @param dataDir {@code giaoban.data-dir}
     * @return the key bytes, at least {@value IdentityHeader#MINIMUM_SECRET_BYTES}
     */
    public static byte[] resolve(String configured, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            byte[] key = checked(configured, IdentityHeader.SECRET_ENVIRONMENT_VARIABLE);
            log.info("Identity tokens signed with the secret of {}", IdentityHeader.SECRET_ENVIRONMENT_VARIABLE);
            return key;
        }
        Path file = dataDir.resolve(IdentityHeader.SECRET_FILE).toAbsolutePath().normalize();
        try {
            boolean made = Files.notExists(file) && create(file);
            byte[] key = checked(Files.readString(file, StandardCharsets.UTF_8), file.toString());
            warnIfReadableByOthers(file);
            log.info(
                    "Identity tokens signed with the secret in {} ({}); services verifying {} must read the same file"
                            + " or be given the same {}",
                    file,
                    made ? "made now" : "already there",
                    IdentityHeader.NAME,
                    IdentityHeader.SECRET_ENVIRONMENT_VARIABLE);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("The identity secret " + file + " cannot be read or made", e);
        }
    }

    private static byte[] checked(String text, String source) {
        byte[] key = text.strip().getBytes(StandardCharsets.UTF_8);
        if (key.length < IdentityHeader.MINIMUM_SECRET_BYTES) {
            Arrays.fill(key, (byte) 0);
            throw new IllegalStateException("The identity secret from " + source + " has fewer than "
                    + IdentityHeader.MINIMUM_SECRET_BYTES + " bytes");
        }
        return key;
    }

    /** @return whether this call made the file (false when another process was first) */
    private static boolean create(Path file) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (posix && !Files.isDirectory(file.getParent())) {
            // The data directory holds the stores and the keys: its owner's alone from the start.
            Files.createDirectories(
                    file.getParent(),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(file.getParent());
        }
        byte[] random = new byte[48];
        new SecureRandom().nextBytes(random);
        byte[] text = (Base64.getUrlEncoder().withoutPadding().encodeToString(random) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        FileAttribute<?>[] ownerOnly = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        Path temporary = Files.createTempFile(file.getParent(), ".identity-", ".tmp", ownerOnly);
        try {
            Files.write(temporary, text, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            try {
                Files.createLink(file, temporary);
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            } catch (UnsupportedOperationException | IOException noHardLinks) {
                try {
                    Files.createFile(file, ownerOnly);
                } catch (FileAlreadyExistsException alreadyThere) {
                    return false;
                }
                Files.write(file, text, StandardOpenOption.WRITE);
                return true;
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void warnIfReadableByOthers(Path file) throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (permissions.contains(PosixFilePermission.GROUP_READ)
                || permissions.contains(PosixFilePermission.OTHERS_READ)) {
            log.warn("{} can be read by other users than its owner; chmod 600 it", file);
        }
    }
}
