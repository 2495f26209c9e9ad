package org.giaoban.gateway.security;

import java.util.Collection;
import org.giaoban.identity.Caller;
import org.giaoban.identity.Role;
import org.giaoban.units.UnitCatalogue;

/** Makes {@link Caller}s that the services can act on: a known unit, and a unit for every officer. */
public class Callers {

    private final UnitCatalogue units;

    public Callers(UnitCatalogue units) {
        this.units = units;
    }

    /** @throws IllegalArgumentException naming what is wrong */
    public Caller caller(String name, Collection<Role> roles, String unitId) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("the caller has no name");
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException(name + " has no role (ADMIN, OFFICER, AUDITOR or VIEWER)");
        }
        String unit = unitId == null || unitId.isBlank() ? null : unitId.strip();
        if (unit != null && !units.contains(unit)) {
            throw new IllegalArgumentException(name + " names an unknown unit " + unit);
        }
        if (unit == null && roles.contains(Role.OFFICER)) {
            throw new IllegalArgumentException(name + " is an OFFICER without a unit");
        }
        return Caller.of(name, roles, unit);
    }
}
