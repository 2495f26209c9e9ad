package org.giaoban.platform.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.giaoban.identity.Caller;
import org.giaoban.identity.Role;

/**
 * Who asked, as the metadata of a command and of every event it causes records it: {@value #ACTOR} (the user name),
 * {@value #ROLES} (a list of role names) and {@value #UNIT_ID} (absent when the caller has no unit). These are the names
 * API.md's audit trail shows.
 */
public final class CallerMetadata {

    public static final String ACTOR = "actor";
    public static final String ROLES = "roles";
    public static final String UNIT_ID = "unitId";

    private CallerMetadata() {}

    public static Map<String, Object> of(Caller caller) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put(ACTOR, caller.name());
        metadata.put(ROLES, caller.roles().stream().map(Role::name).toList());
        if (caller.unitId() != null) {
            metadata.put(UNIT_ID, caller.unitId());
        }
        return metadata;
    }

    /**
     * @return the caller the metadata names, or empty when it names none: a message that no HTTP request started
     * @throws IllegalArgumentException when it names a caller in a shape no giaoban component writes
     */
    public static Optional<Caller> from(Map<String, ?> metadata) {
        Object actor = metadata.get(ACTOR);
        if (actor == null) {
            return Optional.empty();
        }
        if (!(actor instanceof String name) || !(metadata.get(ROLES) instanceof Collection<?> roleNames)) {
            throw new IllegalArgumentException("The metadata names a caller without a name or roles");
        }
        List<Role> roles = new ArrayList<>();
        roleNames.forEach(role -> roles.add(Role.valueOf(String.valueOf(role))));
        Object unitId = metadata.get(UNIT_ID);
        return Optional.of(Caller.of(name, roles, unitId == null ? null : unitId.toString()));
    }
}
