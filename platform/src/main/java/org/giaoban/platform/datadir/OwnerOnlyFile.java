package org.giaoban.platform.datadir;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A secret's file in the data directory: made readable and writable by its owner alone ({@code rw-------}) from the
 * moment it exists, never widened, never replaced, its content on disk before the call returns. On a file system
 * without POSIX permissions it is only made.
 */
public final class OwnerOnlyFile {

    private OwnerOnlyFile() {}

    /**
     * Makes {@code file} (and its missing directories) with {@code content}.
     *
     * @throws java.nio.file.FileAlreadyExistsException when it exists: another process may have made it meanwhile
     */
    public static void create(Path file, byte[] content) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] ownerOnly = posix
                ? new FileAttribute<?>[] {
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
                }
                : new FileAttribute<?>[0];
        Files.createFile(file, ownerOnly);
        Files.write(file, content, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
    }
}
