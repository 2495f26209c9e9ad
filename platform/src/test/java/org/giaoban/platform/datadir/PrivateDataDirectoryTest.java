package org.giaoban.platform.datadir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateDataDirectoryTest {

    @TempDir
    Path parent;

    @Test
    void aNewDataDirectoryIsItsOwnersAlone() throws IOException {
        Path data = parent.resolve("giaoban/data");

        assertThat(PrivateDataDirectory.secure(data)).isFalse();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data)))
                .isEqualTo("rwx------");
    }

    @Test
    void aDataDirectoryOpenToOthersIsNarrowedAndWhatItHoldsIsLeftAsItIs() throws IOException {
        Path data = Files.createDirectory(parent.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path events = Files.writeString(data.resolve("events.mv.db"), "");
        Files.setPosixFilePermissions(events, PosixFilePermissions.fromString("rw-------"));

        assertThat(PrivateDataDirectory.secure(data)).isTrue();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data)))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(events)))
                .isEqualTo("rw-------");
        assertThat(PrivateDataDirectory.secure(data)).isFalse();
    }
}
