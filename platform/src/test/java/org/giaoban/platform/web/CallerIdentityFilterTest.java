package org.giaoban.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.giaoban.identity.Caller;
import org.giaoban.identity.IdentityTokens;
import org.giaoban.identity.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class CallerIdentityFilterTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final Clock NOW = Clock.fixed(Instant.parse("2022-10-06T01:30:00Z"), ZoneOffset.UTC);

    private final IdentityTokens tokens = new IdentityTokens(SECRET, NOW);
    private final ObjectMapper json = new ObjectMapper();
    private final CallerIdentityFilter filter = new CallerIdentityFilter(tokens, json);

    @Test
    void aRequestWithoutTheGatewaysTokenIsRefusedAndGoesNoFurther() throws Exception {
        Outcome outcome = serve(new MockHttpServletRequest("POST", "/api/tasks"));

        assertThat(outcome.response.getStatus()).isEqualTo(401);
        assertThat(outcome.response.getContentType()).isEqualTo("application/problem+json");
        assertThat(outcome.problem().path("type").asText()).isEqualTo("urn:giaoban:problem:identity-required");
        assertThat(outcome.reached.get()).isNull();
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRefused() throws Exception {
        IdentityTokens forger =
                new IdentityTokens("another secret of at least 32 bytes!".getBytes(StandardCharsets.UTF_8), NOW);

        Outcome outcome = serve(request("GET", "/api/tasks", forger.issue(caller(Role.ADMIN, null))));

        assertThat(outcome.response.getStatus()).isEqualTo(401);
        assertThat(outcome.problem().path("type").asText()).isEqualTo("urn:giaoban:problem:identity-invalid");
        assertThat(outcome.problem().path("detail").asText()).contains("signature");
        assertThat(outcome.reached.get()).isNull();
    }

    @Test
    void aRefusalIsLoggedWithoutThePartOfThePathThatMayNameAPerson() {
        assertThat(CallerIdentityFilter.areaOf("/api/classes/c-1/enrolments/079301000123"))
                .isEqualTo("/api/classes");
        assertThat(CallerIdentityFilter.areaOf("/api/classes")).isEqualTo("/api/classes");
        assertThat(CallerIdentityFilter.areaOf("/")).isEqualTo("/");
    }

    @Test
    void theVerifiedCallerTravelsWithTheRequestsMetadata() throws Exception {
        MockHttpServletRequest request =
                request("POST", "/api/tasks", tokens.issue(caller(Role.OFFICER, "HN-HOANKIEM")));
        new RequestMetadata("req-1", "corr-1", null).bindTo(request);

        Outcome outcome = serve(request);

        assertThat(outcome.response.getStatus()).isEqualTo(200);
        RequestMetadata metadata = outcome.reached.get();
        assertThat(metadata.requestId()).isEqualTo("req-1");
        assertThat(metadata.caller()).isEqualTo(caller(Role.OFFICER, "HN-HOANKIEM"));
        assertThat(metadata.asMessageMetadata())
                .containsEntry("actor", "hoa")
                .containsEntry("roles", List.of("OFFICER"))
                .containsEntry("unitId", "HN-HOANKIEM");
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
        "VIEWER,  GET,    /api/tasks,                        200",
        "VIEWER,  POST,   /api/tasks,                        403",
        "AUDITOR, PUT,    /api/training-plans/HN/2022,       403",
        "AUDITOR, DELETE, /api/classes/c-1/enrolments/l-1,   403",
        "OFFICER, POST,   /api/tasks,                        200",
        "OFFICER, GET,    /api/admin/projections,            403",
        "AUDITOR, GET,    /api/admin/projections,            403",
        "ADMIN,   POST,   /api/admin/projections/x/rebuild,  200",
        "AUDITOR, GET,    /api/audit/events,                 200",
        "VIEWER,  GET,    /api/audit/events,                 403",
        "OFFICER, GET,    /api/audit/verify,                 403",
        "ADMIN,   GET,    /api/audit/verify,                 200",
        "VIEWER,  GET,    /api/administrators,               200",
        "ADMIN,   POST,   /api/personal-data/erasures,       200",
        "OFFICER, POST,   /api/personal-data/erasures,       403",
        "AUDITOR, GET,    /api/personal-data/erasures,       403",
    })
    void eachRoleReachesWhatAPIdotMdGivesIt(Role role, String method, String path, int status) throws Exception {
        Outcome outcome = serve(request(method, path, tokens.issue(caller(role, "HN"))));

        assertThat(outcome.response.getStatus()).isEqualTo(status);
        assertThat(outcome.reached.get() != null).isEqualTo(status == 200);
        if (status == 403) {
            assertThat(outcome.problem().path("type").asText()).isEqualTo("urn:giaoban:problem:forbidden");
        }
    }

    private static Caller caller(Role role, String unitId) {
        return Caller.of("hoa", List.of(role), unitId);
    }

    private static MockHttpServletRequest request(String method, String path, String token) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setServletPath(path);
        request.addHeader("X-Giaoban-Identity", token);
        return request;
    }

    private Outcome serve(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<RequestMetadata> reached = new AtomicReference<>();
        filter.doFilter(
                request,
                response,
                (served, answered) -> reached.set(
                        RequestMetadata.of((HttpServletRequest) served).orElseThrow()));
        return new Outcome(response, reached, json);
    }

    private record Outcome(
            MockHttpServletResponse response, AtomicReference<RequestMetadata> reached, ObjectMapper json) {

        JsonNode problem() throws Exception {
            return json.readTree(response.getContentAsByteArray());
        }
    }
}
