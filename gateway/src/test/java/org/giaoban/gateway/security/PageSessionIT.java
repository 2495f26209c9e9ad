package org.giaoban.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.giaoban.gateway.PatientClient;
import org.giaoban.gateway.StubService;
import org.giaoban.gateway.TestUsers;
import org.giaoban.identity.IdentityHeader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The dashboard's sign-in through {@code /api/session}: a session cookie, a CSRF token on every write, and each way a
 * request without them, or with the wrong ones, is refused. Guessing passwords through it: {@code SignInThrottleIT}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(PatientClient.class)
class PageSessionIT {

    static final StubService TASKS = new StubService("tasks-service");
    static final StubService TRAINING = new StubService("training-service");
    static final StubService REPORTING = new StubService("reporting-service");
    static final ObjectMapper JSON = new ObjectMapper();
    static final String TASK =
            "{\"programme\":\"2022\",\"title\":\"Quán triệt Nghị quyết\",\"unitId\":\"HN-HOANKIEM\"}";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry properties) {
        properties.add("TASKS_URL", TASKS::url);
        properties.add("TRAINING_URL", TRAINING::url);
        properties.add("REPORTING_URL", REPORTING::url);
        properties.add("giaoban.gateway.rate-limit.requests-per-second", () -> "1000");
        properties.add("giaoban.gateway.rate-limit.burst", () -> "1000");
        TestUsers.registerAll(properties);
    }

    @AfterAll
    static void stopServices() {
        TASKS.close();
        TRAINING.close();
        REPORTING.close();
    }

    @Autowired
    WebTestClient client;

    @BeforeEach
    void forgetRequests() {
        TASKS.reset();
    }

    /** A visitor's session before signing in: its cookie and its CSRF token. */
    record Visit(String cookie, String csrfToken) {}

    Visit visit() {
        EntityExchangeResult<byte[]> answer = client.get()
                .uri(PageSessions.PATH)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.csrfHeader")
                .isEqualTo(PageSessions.CSRF_HEADER)
                .returnResult();
        ResponseCookie cookie = answer.getResponseCookies().getFirst(PageSessions.COOKIE);
        assertThat(cookie).as("the session cookie").isNotNull();
        return new Visit(cookie.getValue(), json(answer).path("csrfToken").asText());
    }

    EntityExchangeResult<byte[]> signIn(Visit visit, String name, String password) {
        return client.post()
                .uri(PageSessions.PATH)
                .cookie(PageSessions.COOKIE, visit.cookie())
                .header(PageSessions.CSRF_HEADER, visit.csrfToken())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(signInBody(name, password))
                .exchange()
                .expectBody()
                .returnResult();
    }

    /** Signs in as the officer and returns the session it is then known by. */
    Visit signedInOfficer() {
        EntityExchangeResult<byte[]> signedIn = signIn(visit(), TestUsers.OFFICER.name(), TestUsers.PASSWORD);
        assertThat(signedIn.getStatus().value()).as(body(signedIn)).isEqualTo(200);
        return new Visit(
                signedIn.getResponseCookies().getFirst(PageSessions.COOKIE).getValue(),
                json(signedIn).path("csrfToken").asText());
    }

    @Test
    void theDashboardIsServedAtTheRootToAnybodyAndMayLoadAndCallItsOwnOriginOnly() {
        client.get()
                .uri("/")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader()
                .value(
                        "Content-Security-Policy",
                        policy -> assertThat(policy)
                                .contains("default-src 'self'", "script-src 'self'", "connect-src 'self'"))
                .expectBody(String.class)
                .value(html -> assertThat(html).contains("<title>Giao ban</title>"));
        client.get()
                .uri("/dashboard/app.js")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .exists("Content-Security-Policy");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteStrict() {
        ResponseCookie cookie = client.get()
                .uri(PageSessions.PATH)
                .exchange()
                .expectBody()
                .returnResult()
                .getResponseCookies()
                .getFirst(PageSessions.COOKIE);

        assertThat(cookie).isNotNull();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Strict");
        assertThat(cookie.getPath()).isEqualTo("/");
    }

    @Test
    void aSignedInSessionIsTheCallerAtTheServices() throws Exception {
        Visit visit = visit();

        EntityExchangeResult<byte[]> signedIn = signIn(visit, TestUsers.OFFICER.name(), TestUsers.PASSWORD);

        assertThat(signedIn.getStatus().value()).as(body(signedIn)).isEqualTo(200);
        JsonNode caller = json(signedIn);
        assertThat(caller.path("name").asText()).isEqualTo(TestUsers.OFFICER.name());
        assertThat(caller.path("roles").toString()).isEqualTo("[\"OFFICER\"]");
        assertThat(caller.path("unitId").asText()).isEqualTo("HN-HOANKIEM");
        String cookie =
                signedIn.getResponseCookies().getFirst(PageSessions.COOKIE).getValue();
        client.get()
                .uri("/api/me")
                .cookie(PageSessions.COOKIE, cookie)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo(TestUsers.OFFICER.name());
        client.post()
                .uri("/api/tasks")
                .cookie(PageSessions.COOKIE, cookie)
                .header(PageSessions.CSRF_HEADER, caller.path("csrfToken").asText())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(TASK)
                .exchange()
                .expectStatus()
                .isOk();
        StubService.Received received = TASKS.last();
        assertThat(new String(received.body(), StandardCharsets.UTF_8)).isEqualTo(TASK);
        assertThat(received.header(IdentityHeader.NAME)).isNotBlank();
        assertThat(received.header(HttpHeaders.COOKIE))
                .as("the session stays at the gateway")
                .isNull();
    }

    @Test
    void signingInGivesTheSessionANewIdSoThatOnePlantedBeforeIsWorthNothing() {
        Visit visit = visit();

        EntityExchangeResult<byte[]> signedIn = signIn(visit, TestUsers.OFFICER.name(), TestUsers.PASSWORD);

        assertThat(signedIn.getResponseCookies().getFirst(PageSessions.COOKIE).getValue())
                .isNotEqualTo(visit.cookie());
        assertThat(json(signedIn).path("csrfToken").asText()).isNotEqualTo(visit.csrfToken());
        client.get()
                .uri("/api/me")
                .cookie(PageSessions.COOKIE, visit.cookie())
                .header("X-Requested-With", "XMLHttpRequest")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void aScriptNotSignedInIsRefusedWithoutABasicChallenge() {
        client.get()
                .uri("/api/me")
                .header("X-Requested-With", "XMLHttpRequest")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .doesNotExist(HttpHeaders.WWW_AUTHENTICATE)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:giaoban:problem:unauthenticated");
    }

    @Test
    void aClientWithoutAScriptStillGetsTheBasicChallenge() {
        client.get()
                .uri("/api/me")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"giaoban\"");
    }

    @Test
    void aWrongPasswordIsRefusedAsProblemJsonWithoutAChallengeAndNoSession() {
        EntityExchangeResult<byte[]> refused = signIn(visit(), TestUsers.VIEWER.name(), "không phải mật khẩu");

        assertThat(refused.getStatus().value()).isEqualTo(401);
        assertThat(refused.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getResponseHeaders().get(HttpHeaders.WWW_AUTHENTICATE))
                .isNull();
        assertThat(json(refused).path("type").asText()).isEqualTo("urn:giaoban:problem:unauthenticated");
    }

    @Test
    void aSignInWithoutTheCsrfTokenIsRefused() {
        Visit visit = visit();

        client.post()
                .uri(PageSessions.PATH)
                .cookie(PageSessions.COOKIE, visit.cookie())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(signInBody(TestUsers.ADMIN.name(), TestUsers.PASSWORD))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:giaoban:problem:csrf-token-refused");
    }

    @Test
    void aSignInWithoutAnyCookieIsRefused() {
        client.post()
                .uri(PageSessions.PATH)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(signInBody(TestUsers.ADMIN.name(), TestUsers.PASSWORD))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:giaoban:problem:csrf-token-refused");
    }

    @Test
    void aSignInWithoutANameIsInvalid() {
        EntityExchangeResult<byte[]> refused = signIn(visit(), " ", TestUsers.PASSWORD);

        assertThat(refused.getStatus().value()).isEqualTo(400);
        assertThat(refused.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aSignInThatIsNotJsonIsRefusedAsAProblem() {
        Visit visit = visit();

        client.post()
                .uri(PageSessions.PATH)
                .cookie(PageSessions.COOKIE, visit.cookie())
                .header(PageSessions.CSRF_HEADER, visit.csrfToken())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"admin\", \"password\":")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.post()
                .uri(PageSessions.PATH)
                .cookie(PageSessions.COOKIE, visit.cookie())
                .header(PageSessions.CSRF_HEADER, visit.csrfToken())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("name=admin&password=x")
                .exchange()
                .expectStatus()
                .isEqualTo(415)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aWriteByTheCookieWithoutTheTokenIsRefusedAndNeverReachesTheService() {
        Visit session = signedInOfficer();

        client.post()
                .uri("/api/tasks")
                .cookie(PageSessions.COOKIE, session.cookie())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(TASK)
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:giaoban:problem:csrf-token-refused");

        assertThat(TASKS.received()).isEmpty();
    }

    @Test
    void aWriteByTheCookieWithAnotherSessionsTokenIsRefused() {
        Visit session = signedInOfficer();
        Visit other = signedInOfficer();

        client.post()
                .uri("/api/tasks")
                .cookie(PageSessions.COOKIE, session.cookie())
                .header(PageSessions.CSRF_HEADER, other.csrfToken())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(TASK)
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:giaoban:problem:csrf-token-refused");

        assertThat(TASKS.received()).isEmpty();
    }

    @Test
    void signingOutEndsTheSession() {
        Visit session = signedInOfficer();

        client.delete()
                .uri(PageSessions.PATH)
                .cookie(PageSessions.COOKIE, session.cookie())
                .header(PageSessions.CSRF_HEADER, session.csrfToken())
                .exchange()
                .expectStatus()
                .isNoContent();

        client.get()
                .uri("/api/me")
                .cookie(PageSessions.COOKIE, session.cookie())
                .header("X-Requested-With", "XMLHttpRequest")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void signingOutNeedsTheTokenSoAHostilePageCannotSignAVisitorOut() {
        Visit session = signedInOfficer();

        client.delete()
                .uri(PageSessions.PATH)
                .cookie(PageSessions.COOKIE, session.cookie())
                .exchange()
                .expectStatus()
                .isForbidden();

        client.get()
                .uri("/api/me")
                .cookie(PageSessions.COOKIE, session.cookie())
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void anApiClientWithHttpBasicNeedsNoToken() {
        client.post()
                .uri("/api/tasks")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.OFFICER.basic())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(TASK)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .doesNotExist(HttpHeaders.SET_COOKIE);
    }

    private static String signInBody(String name, String password) {
        return JSON.createObjectNode()
                .put("name", name)
                .put("password", password)
                .toString();
    }

    private static JsonNode json(EntityExchangeResult<byte[]> answer) {
        try {
            return JSON.readTree(answer.getResponseBody());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Not JSON: " + body(answer), e);
        }
    }

    private static String body(EntityExchangeResult<byte[]> answer) {
        return answer.getResponseBody() == null ? "" : new String(answer.getResponseBody(), StandardCharsets.UTF_8);
    }
}
