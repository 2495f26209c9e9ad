package org.giaoban.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.giaoban.gateway.GatewaySettings;
import org.giaoban.identity.Role;
import org.giaoban.units.UnitCatalogue;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class DemoUsersTest {

    private final List<GatewaySettings.User> users = DemoUsers.withPassword("chào mừng", UnitCatalogue.hanoi());

    @Test
    void theCityHasAnAdminAnAuditorAndAViewer() {
        assertThat(users)
                .filteredOn(user -> !user.roles().contains(Role.OFFICER))
                .extracting(user -> user.name() + " " + user.roles() + " " + user.unitId())
                .containsExactly("admin [ADMIN] HN", "auditor [AUDITOR] HN", "viewer [VIEWER] HN");
    }

    @Test
    void eachOfTheThirtyDistrictsAndTownsHasAnOfficerNamedAfterIt() {
        List<GatewaySettings.User> officers = users.stream()
                .filter(user -> user.roles().equals(List.of(Role.OFFICER)))
                .toList();
        assertThat(officers).hasSize(30);
        assertThat(officers)
                .extracting(user -> user.name() + " " + user.unitId())
                .contains("hoankiem HN-HOANKIEM", "longbien HN-LONGBIEN", "sontay HN-SONTAY", "phuctho HN-PHUCTHO");
    }

    @Test
    void everyDemoUserSignsInWithThePasswordAndNoOther() {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        String hash = users.get(0).passwordHash();
        assertThat(users).allSatisfy(user -> assertThat(user.passwordHash()).isEqualTo(hash));
        assertThat(bcrypt.matches("chào mừng", hash)).isTrue();
        assertThat(bcrypt.matches("chao mung", hash)).isFalse();
    }
}
