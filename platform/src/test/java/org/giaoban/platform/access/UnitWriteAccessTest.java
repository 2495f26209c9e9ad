package org.giaoban.platform.access;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.giaoban.identity.Caller;
import org.giaoban.identity.Role;
import org.giaoban.platform.problem.NotAllowedException;
import org.giaoban.units.UnitCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnitWriteAccessTest {

    private final UnitWriteAccess access = new UnitWriteAccess(UnitCatalogue.hanoi());

    @Test
    void anOfficerWritesForItsOwnUnit() {
        assertThatCode(() -> access.requireWriteFor("HN-HOANKIEM", officerOf("HN-HOANKIEM")))
                .doesNotThrowAnyException();
    }

    @Test
    void anOfficerOfTheCityWritesForEveryUnitUnderIt() {
        assertThatCode(() -> access.requireWriteFor("HN-LONGBIEN", officerOf("HN")))
                .doesNotThrowAnyException();
        assertThatCode(() -> access.requireWriteFor("HN", officerOf("HN"))).doesNotThrowAnyException();
    }

    @Test
    void anOfficerOfOneDistrictMayNotWriteForAnother() {
        assertThatThrownBy(() -> access.requireWriteFor("HN-LONGBIEN", officerOf("HN-HOANKIEM")))
                .isInstanceOf(NotAllowedException.class)
                .hasMessageContaining("HN-HOANKIEM")
                .hasMessageContaining("HN-LONGBIEN");
    }

    @Test
    void aDistrictOfficerMayNotWriteForTheCity() {
        assertThatThrownBy(() -> access.requireWriteFor("HN", officerOf("HN-HOANKIEM")))
                .isInstanceOf(NotAllowedException.class);
    }

    @Test
    void anOfficerWithoutAUnitWritesForNone() {
        assertThatThrownBy(() -> access.requireWriteFor("HN-HOANKIEM", Caller.of("x", List.of(Role.OFFICER), null)))
                .isInstanceOf(NotAllowedException.class);
    }

    @Test
    void anAdministratorWritesForAnyUnit() {
        assertThatCode(() -> access.requireWriteFor("HN-SONTAY", Caller.of("admin", List.of(Role.ADMIN), "HN")))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"VIEWER", "AUDITOR"})
    void readersWriteForNoUnitEvenTheirOwn(String role) {
        Caller reader = Caller.of("reader", List.of(Role.valueOf(role)), "HN-HOANKIEM");

        assertThatThrownBy(() -> access.requireWriteFor("HN-HOANKIEM", reader)).isInstanceOf(NotAllowedException.class);
    }

    private static Caller officerOf(String unitId) {
        return Caller.of("officer", List.of(Role.OFFICER), unitId);
    }
}
