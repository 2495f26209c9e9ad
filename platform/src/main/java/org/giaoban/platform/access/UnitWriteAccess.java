package org.giaoban.platform.access;

import org.giaoban.identity.Caller;
import org.giaoban.identity.Role;
import org.giaoban.platform.problem.NotAllowedException;
import org.giaoban.units.UnitCatalogue;

/**
 * Who may change what a unit owns (API.md, "Identity and roles"): an {@code ADMIN} anything, an {@code OFFICER} what
 * belongs to its own unit or a unit under it, nobody else anything.
 *
 * <p>Command handlers ask it through {@link CommandCaller} with the unit that owns the record, which only they know for
 * certain (a work item's unit is in its history, not in a request to complete it). A command whose metadata names no
 * caller was not sent for an HTTP request (the services refuse every request without a verified caller, and put that
 * caller on each command they send), so it is the service's own and is let through.
 */
public class UnitWriteAccess {

    private final UnitCatalogue units;

    public UnitWriteAccess(UnitCatalogue units) {
        this.units = units;
    }

    /** @throws NotAllowedException when {@code caller} may not write for {@code unitId} */
    public void requireWriteFor(String unitId, Caller caller) {
        if (!mayWriteFor(unitId, caller)) {
            throw new NotAllowedException(
                    "unit-not-allowed",
                    caller.name() + " may not change what belongs to " + unitId + ": "
                            + (caller.has(Role.OFFICER)
                                    ? "an officer writes only for "
                                            + (caller.unitId() == null ? "its own unit" : caller.unitId())
                                            + " and the units under it"
                                    : "only an administrator or an officer of the unit may"));
        }
    }

    public boolean mayWriteFor(String unitId, Caller caller) {
        if (caller.has(Role.ADMIN)) {
            return true;
        }
        return caller.has(Role.OFFICER)
                && caller.unitId() != null
                && units.contains(unitId)
                && units.isWithin(unitId, caller.unitId());
    }
}
