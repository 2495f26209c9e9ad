package org.giaoban.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.giaoban.identity.Caller;
import org.giaoban.identity.Role;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpMethod;

class AccessRulesTest {

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
        "ADMIN,    POST,   /api/tasks,                                   allowed",
        "ADMIN,    GET,    /api/admin/projections,                       allowed",
        "ADMIN,    POST,   /api/admin/projections/briefing-tasks/rebuild, allowed",
        "ADMIN,    GET,    /api/audit/events,                            allowed",
        "OFFICER,  POST,   /api/tasks,                                   allowed",
        "OFFICER,  PUT,    /api/training-plans/HN-HOANKIEM/2022,         allowed",
        "OFFICER,  DELETE, /api/classes/c/enrolments/079301000123,       allowed",
        "OFFICER,  GET,    /api/reports/briefing,                        allowed",
        "OFFICER,  GET,    /api/admin/projections,                       refused",
        "OFFICER,  POST,   /api/admin/projections/x/rebuild,             refused",
        "OFFICER,  GET,    /api/audit/verify,                            refused",
        "AUDITOR,  GET,    /api/audit/events,                            allowed",
        "AUDITOR,  HEAD,   /api/audit/events,                            allowed",
        "AUDITOR,  POST,   /api/audit/events,                            refused",
        "AUDITOR,  GET,    /api/tasks,                                   allowed",
        "AUDITOR,  POST,   /api/tasks,                                   refused",
        "AUDITOR,  GET,    /api/admin/projections,                       refused",
        "VIEWER,   GET,    /api/tasks,                                   allowed",
        "VIEWER,   HEAD,   /api/me,                                      allowed",
        "VIEWER,   POST,   /api/tasks,                                   refused",
        "VIEWER,   PATCH,  /api/tasks/t,                                 refused",
        "VIEWER,   OPTIONS, /api/tasks,                                  refused",
        "VIEWER,   GET,    /api/audit/events,                            refused",
        "VIEWER,   GET,    /api/admin,                                   refused",
        "VIEWER,   GET,    /api/administration,                          allowed",
    })
    void rolesDecide(Role role, String method, String path, String expected) {
        Caller caller = Caller.of("someone", List.of(role), role == Role.OFFICER ? "HN-HOANKIEM" : null);

        var refusal = AccessRules.refusal(caller, HttpMethod.valueOf(method), path);

        assertThat(refusal.isEmpty() ? "allowed" : "refused").isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"POST, /api/tasks", "GET, /api/admin/projections", "GET, /api/audit/events"})
    void rolesAddUp(String method, String path) {
        Caller officerAndAuditor = Caller.of("both", List.of(Role.AUDITOR, Role.OFFICER), "HN");
        Caller viewerAndAdmin = Caller.of("both", List.of(Role.VIEWER, Role.ADMIN), null);

        assertThat(AccessRules.refusal(viewerAndAdmin, HttpMethod.valueOf(method), path))
                .isEmpty();
        if (!path.startsWith("/api/admin")) {
            assertThat(AccessRules.refusal(officerAndAuditor, HttpMethod.valueOf(method), path))
                    .isEmpty();
        }
    }
}
