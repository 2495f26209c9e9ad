package org.giaoban.units;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The units known to giaoban and how they nest. Immutable; the reference catalogue is the Hanoi commission's
 * ({@link #hanoi()}).
 */
public final class UnitCatalogue {

    public static final String CITY_UNIT_ID = "HN";

    /** The commission's dates: "today" and "not in the future" are judged in Hanoi, whatever the server's zone. */
    public static final ZoneId COMMISSION_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final Map<String, Unit> unitsById;
    private final Map<String, Set<String>> selfAndDescendants;

    public UnitCatalogue(List<Unit> units) {
        Map<String, Unit> byId = new LinkedHashMap<>();
        for (Unit unit : units) {
            if (byId.putIfAbsent(unit.id(), unit) != null) {
                throw new IllegalArgumentException("Unit " + unit.id() + " is listed twice");
            }
        }
        for (Unit unit : units) {
            if (unit.parentId() != null && !byId.containsKey(unit.parentId())) {
                throw new IllegalArgumentException("Unit " + unit.id() + " names an unknown parent " + unit.parentId());
            }
        }
        this.unitsById = Collections.unmodifiableMap(byId);
        Map<String, Set<String>> closure = new LinkedHashMap<>();
        for (Unit unit : units) {
            closure.computeIfAbsent(unit.id(), id -> new LinkedHashSet<>()).add(unit.id());
            for (String ancestor : ancestorsOf(unit)) {
                closure.computeIfAbsent(ancestor, id -> new LinkedHashSet<>()).add(unit.id());
            }
        }
        closure.replaceAll((id, members) -> Collections.unmodifiableSet(members));
        this.selfAndDescendants = Collections.unmodifiableMap(closure);
    }

    /** The Hanoi commission, its 30 district and town commissions and its agencies. */
    public static UnitCatalogue hanoi() {
        try (InputStream json = UnitCatalogue.class.getResourceAsStream("units.json")) {
            if (json == null) {
                throw new IllegalStateException("units.json is missing from the classpath");
            }
            return new UnitCatalogue(new ObjectMapper().readValue(json, new TypeReference<List<Unit>>() {}));
        } catch (IOException e) {
            throw new UncheckedIOException("units.json cannot be read", e);
        }
    }

    public List<Unit> all() {
        return List.copyOf(unitsById.values());
    }

    public Optional<Unit> find(String unitId) {
        return Optional.ofNullable(unitId).map(unitsById::get);
    }

    public boolean contains(String unitId) {
        return unitId != null && unitsById.containsKey(unitId);
    }

    /** The unit itself and every unit under it, at any depth; empty for an unknown unit. */
    public Set<String> selfAndDescendants(String unitId) {
        return selfAndDescendants.getOrDefault(unitId, Set.of());
    }

    /** Whether {@code unitId} is {@code ancestorId} or lies under it. */
    public boolean isWithin(String unitId, String ancestorId) {
        return selfAndDescendants(ancestorId).contains(unitId);
    }

    private List<String> ancestorsOf(Unit unit) {
        List<String> ancestors = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        String parentId = unit.parentId();
        while (parentId != null) {
            if (!seen.add(parentId)) {
                throw new IllegalArgumentException("Unit " + unit.id() + " lies in a cycle of parents");
            }
            ancestors.add(parentId);
            parentId = unitsById.get(parentId).parentId();
        }
        return ancestors;
    }
}
