package org.giaoban.identity;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/**
 * Who is calling, however they signed in.
 *
 * @param name the user name (HTTP Basic) or the token's principal claim (OIDC)
 * @param roles at least one role, in the order of {@link Role}
 * @param unitId the caller's unit, or null when it has none
 */
public record Caller(String name, List<Role> roles, String unitId) {

    public Caller {
        Objects.requireNonNull(name, "name");
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("A caller has at least one role");
        }
        roles = List.copyOf(EnumSet.copyOf(roles));
    }

    public static Caller of(String name, Collection<Role> roles, String unitId) {
        return new Caller(name, List.copyOf(roles), unitId);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
