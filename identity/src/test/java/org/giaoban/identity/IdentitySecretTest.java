package org.giaoban.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentitySecretTest {

    @TempDir
    Path dataDir;

    @Test
    void withoutAConfiguredSecretOneIsMadeInTheDataDirectoryForTheOwnerOnly() throws Exception {
        byte[] key = IdentitySecret.resolve("", dataDir);

        Path file = dataDir.resolve("identity.secret");
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(key).hasSizeGreaterThanOrEqualTo(32);
        assertThat(new String(key, StandardCharsets.UTF_8))
                .isEqualTo(Files.readString(file).strip());
        try (var entries = Files.list(dataDir)) {
            assertThat(entries).containsExactly(file);
        }
    }

    @Test
    void theSecondProcessReadsTheSameSecret() {
        byte[] first = IdentitySecret.resolve(null, dataDir);
        byte[] second = IdentitySecret.resolve(null, dataDir);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void aMissingDataDirectoryIsMade() {
        Path nested = dataDir.resolve("not/yet");

        IdentitySecret.resolve(null, nested);

        assertThat(nested.resolve("identity.secret")).exists();
    }

    @Test
    void aConfiguredSecretWinsAndNoFileIsMade() {
        String secret = "0123456789abcdef0123456789abcdef";

        byte[] key = IdentitySecret.resolve(secret, dataDir);

        assertThat(key).isEqualTo(secret.getBytes(StandardCharsets.UTF_8));
        assertThat(dataDir.resolve("identity.secret")).doesNotExist();
    }

    @Test
    void aSecretShorterThan32BytesIsRefused() throws Exception {
        assertThatThrownBy(() -> IdentitySecret.resolve("too short", dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("32 bytes");

        Files.writeString(dataDir.resolve("identity.secret"), "short\n");
        assertThatThrownBy(() -> IdentitySecret.resolve("", dataDir)).hasMessageContaining("32 bytes");
    }
}
