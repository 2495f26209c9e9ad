package org.giaoban.platform.access;

import java.util.Map;
import java.util.Optional;
import org.giaoban.identity.Caller;
import org.giaoban.identity.Role;
import org.giaoban.platform.problem.NotAllowedException;

/**
 * Who sent the command being handled, and so what it may change. A command handler takes it as a parameter (the
 * platform resolves it from the command's metadata, see {@link CallerMetadata}) instead of reading the metadata itself.
 * A command that names no caller was not sent for an HTTP request: it is the service's own and is let through.
 */
public final class CommandCaller {

    private final Caller caller;
    private final UnitWriteAccess access;

    private CommandCaller(Caller caller, UnitWriteAccess access) {
        this.caller = caller;
        this.access = access;
    }

    /** @throws IllegalArgumentException when the metadata names a caller in a shape no giaoban component writes */
    public static CommandCaller from(Map<String, ?> commandMetadata, UnitWriteAccess access) {
        return new CommandCaller(CallerMetadata.from(commandMetadata).orElse(null), access);
    }

    public Optional<Caller> caller() {
        return Optional.ofNullable(caller);
    }

    /**
     * @param action what only an administrator may do, e.g. {@code erase a person's personal data}
     * @throws NotAllowedException ({@code admin-only}) when the caller is not an ADMIN
     */
    public void requireAdministrator(String action) {
        if (caller != null && !caller.has(Role.ADMIN)) {
            throw new NotAllowedException("admin-only", "Only an ADMIN may " + action + ".");
        }
    }

    /** @throws org.giaoban.platform.problem.NotAllowedException when the caller may not write for {@code unitId} */
    public void requireWriteFor(String unitId) {
        if (caller != null) {
            access.requireWriteFor(unitId, caller);
        }
    }
}
