package org.giaoban.gateway.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.giaoban.gateway.GatewaySettings;
import org.giaoban.identity.Role;
import org.giaoban.units.Unit;
import org.giaoban.units.UnitCatalogue;
import org.giaoban.units.UnitKind;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The users of a demonstration on the embedded stores, all with one password: {@code admin}, {@code auditor} and
 * {@code viewer} of the city commission, and an officer for each district and town, named after it without its
 * {@code HN-} prefix ({@code hoankiem} for {@code HN-HOANKIEM}). Only when {@code giaoban.gateway.demo-password} is
 * set, which {@code bin/giaoban up} does and a deployment does not.
 */
final class DemoUsers {

    private DemoUsers() {}

    static List<GatewaySettings.User> withPassword(String password, UnitCatalogue units) {
        String hash = new BCryptPasswordEncoder().encode(password);
        List<GatewaySettings.User> users = new ArrayList<>();
        users.add(new GatewaySettings.User("admin", hash, List.of(Role.ADMIN), "HN"));
        users.add(new GatewaySettings.User("auditor", hash, List.of(Role.AUDITOR), "HN"));
        users.add(new GatewaySettings.User("viewer", hash, List.of(Role.VIEWER), "HN"));
        for (Unit unit : units.all()) {
            if (unit.kind() == UnitKind.DISTRICT || unit.kind() == UnitKind.TOWN) {
                String name = unit.id().substring("HN-".length()).toLowerCase(Locale.ROOT);
                users.add(new GatewaySettings.User(name, hash, List.of(Role.OFFICER), unit.id()));
            }
        }
        return List.copyOf(users);
    }
}
