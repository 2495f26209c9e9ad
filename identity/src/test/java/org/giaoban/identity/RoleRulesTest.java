package org.giaoban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoleRulesTest {

    static final Caller ADMIN = Caller.of("admin", List.of(Role.ADMIN), "HN");
    static final Caller OFFICER = Caller.of("hoankiem", List.of(Role.OFFICER), "HN-HOANKIEM");
    static final Caller AUDITOR = Caller.of("auditor", List.of(Role.AUDITOR), "HN");
    static final Caller VIEWER = Caller.of("viewer", List.of(Role.VIEWER), "HN");

    @Test
    void onlyAnAdministratorErasesPersonalData() {
        assertThat(RoleRules.refusal(ADMIN, "POST", "/api/personal-data/erasures"))
                .isEmpty();
        for (Caller other : List.of(OFFICER, AUDITOR, VIEWER)) {
            assertThat(RoleRules.refusal(other, "POST", "/api/personal-data/erasures"))
                    .as(other.name())
                    .hasValue("Only an ADMIN may use /api/personal-data/erasures.");
            assertThat(RoleRules.refusal(other, "GET", "/api/personal-data/erasures"))
                    .as(other.name())
                    .isPresent();
        }
    }

    @Test
    void anOfficerWritesAndTheOthersReadElsewhere() {
        assertThat(RoleRules.refusal(OFFICER, "POST", "/api/classes")).isEmpty();
        assertThat(RoleRules.refusal(VIEWER, "GET", "/api/classes")).isEmpty();
        assertThat(RoleRules.refusal(VIEWER, "POST", "/api/classes")).isPresent();
        assertThat(RoleRules.refusal(OFFICER, "GET", "/api/personal-data-and-more"))
                .isEmpty();
    }
}
