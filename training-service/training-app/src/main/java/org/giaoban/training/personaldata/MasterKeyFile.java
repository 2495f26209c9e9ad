package org.giaoban.training.personaldata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.giaoban.platform.datadir.OwnerOnlyFile;

/**
 * The master key of the embedded stores: {@code <data-dir>/training-service/personal-data.key}, made on first start
 * with 256 random bits in Base64 and permissions 0600. Only training-service opens its own data directory, so one
 * process makes it. Losing the file loses every learner's name for good, as an erasure of all would: the operator
 * backs it up apart from the database (docs/PRIVACY.md).
 */
final class MasterKeyFile {

    static final String NAME = "personal-data.key";

    private MasterKeyFile() {}

    static MasterKey readOrMake(Path directory) {
        Path file = directory.resolve(NAME).toAbsolutePath().normalize();
        try {
            if (Files.notExists(file)) {
                make(file);
            }
            return MasterKey.fromBase64(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("The personal-data master key " + file + " cannot be read or made", e);
        } catch (IllegalArgumentException malformed) {
            throw new IllegalStateException(
                    "The personal-data master key in " + file + " is unusable: " + malformed.getMessage());
        }
    }

    private static void make(Path file) throws IOException {
        byte[] random = new byte[MasterKey.LENGTH];
        new SecureRandom().nextBytes(random);
        OwnerOnlyFile.create(
                file, (Base64.getEncoder().encodeToString(random) + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
