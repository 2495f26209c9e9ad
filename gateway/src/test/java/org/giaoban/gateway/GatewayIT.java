package org.giaoban.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.giaoban.gateway.TestUsers.User;
import org.giaoban.identity.AnswerWithin;
import org.giaoban.identity.IdentityHeader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(PatientClient.class)
class GatewayIT {

    static final StubService TASKS = new StubService("tasks-service");
    static final StubService TRAINING = new StubService("training-service");
    static final StubService REPORTING = new StubService("reporting-service");
    static final String FRONT_END = "https://giaoban.example.vn";
    static final int MAX_BODY = 64 * 1024;
    static final int MAX_RECORD_BODY = 16 * 1024;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry properties) {
        properties.add("TASKS_URL", TASKS::url);
        properties.add("TRAINING_URL", TRAINING::url);
        properties.add("REPORTING_URL", REPORTING::url);
        properties.add("giaoban.gateway.max-request-bytes", () -> MAX_RECORD_BODY + "B");
        properties.add("giaoban.gateway.max-batch-request-bytes", () -> MAX_BODY + "B");
        properties.add("giaoban.gateway.rate-limit.requests-per-second", () -> "1000");
        properties.add("giaoban.gateway.rate-limit.burst", () -> "1000");
        properties.add("giaoban.gateway.cors.allowed-origins", () -> FRONT_END);
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

    @LocalServerPort
    int port;

    @BeforeEach
    void forgetRequests() {
        Stream.of(TASKS, TRAINING, REPORTING).forEach(StubService::reset);
    }

    static Stream<Arguments> routes() {
        return Stream.of(
                Arguments.of("/api/tasks?programme=2022&unitId=HN", TASKS),
                Arguments.of("/api/tasks/7d1b0c1e-1f3a-4a8e-9d55-1c2b3a4d5e6f", TASKS),
                Arguments.of("/api/documents?unitId=HN", TASKS),
                Arguments.of("/api/units", TASKS),
                Arguments.of("/api/classes?bloc=PARTY", TRAINING),
                Arguments.of("/api/training-plans/HN-HOANKIEM/2022", TRAINING),
                Arguments.of("/api/contests/5a0f", TRAINING),
                Arguments.of("/api/reports/briefing?from=2022-01-01&to=2022-09-08", REPORTING),
                Arguments.of("/api/admin/projections", REPORTING),
                Arguments.of("/api/audit/events?service=tasks", REPORTING));
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("routes")
    void eachRouteReachesItsService(String pathAndQuery, StubService service) {
        client.get()
                .uri(pathAndQuery)
                .header(HttpHeaders.AUTHORIZATION, TestUsers.ADMIN.basic())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.service")
                .isEqualTo(
                        service == TASKS
                                ? "tasks-service"
                                : service == TRAINING ? "training-service" : "reporting-service");

        String sent = service.last().path()
                + (service.last().query() != null ? "?" + service.last().query() : "");
        assertThat(sent).isEqualTo(pathAndQuery);
        assertThat(Stream.of(TASKS, TRAINING, REPORTING)
                        .filter(other -> other != service)
                        .flatMap(other -> other.received().stream()))
                .isEmpty();
    }

    @Test
    void aWriteReachesTheServiceWithItsBody() {
        String json = "{\"title\":\"Quán triệt Nghị quyết Đại hội XIII\",\"unitId\":\"HN-HOANKIEM\"}";
        client.post()
                .uri("/api/tasks")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.OFFICER.basic())
                .header("Idempotency-Key", "k-1")
                .header(HttpHeaders.IF_MATCH, "\"3\"")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange()
                .expectStatus()
                .isOk();

        StubService.Received received = TASKS.last();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(new String(received.body(), StandardCharsets.UTF_8)).isEqualTo(json);
        assertThat(received.header("Idempotency-Key")).isEqualTo("k-1");
        assertThat(received.header("If-Match")).isEqualTo("\"3\"");
    }

    @Test
    void theServiceReceivesTheCallerAsASignedShortLivedToken() throws Exception {
        client.get()
                .uri("/api/tasks")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.OFFICER.basic())
                .exchange()
                .expectStatus()
                .isOk();

        List<String> headers = TASKS.last().headers(IdentityHeader.NAME);
        assertThat(headers).hasSize(1);
        SignedJWT token = SignedJWT.parse(headers.get(0));
        assertThat(token.getHeader().getAlgorithm().getName()).isEqualTo("HS256");
        assertThat(token.verify(new MACVerifier(TestUsers.IDENTITY_SECRET.getBytes(StandardCharsets.UTF_8))))
                .isTrue();
        var claims = token.getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("hoa.nguyen");
        assertThat(claims.getStringListClaim("roles")).containsExactly("OFFICER");
        assertThat(claims.getStringClaim("unit_id")).isEqualTo("HN-HOANKIEM");
        assertThat(claims.getIssuer()).isEqualTo("giaoban-gateway");
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getAudience()).containsExactly("tasks-service");
        assertThat(Duration.between(
                        claims.getIssueTime().toInstant(),
                        claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofSeconds(10));
        assertThat(claims.getExpirationTime()).isInTheFuture();
    }

    @Test
    void theCallersPasswordStopsAtTheGateway() {
        client.get()
                .uri("/api/reports/briefing")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.VIEWER.basic())
                .exchange()
                .expectStatus()
                .isOk();

        assertThat(REPORTING.last().headers(HttpHeaders.AUTHORIZATION)).isEmpty();
        assertThat(REPORTING.last().headers(IdentityHeader.NAME)).hasSize(1);
    }

    @Test
    void aCallerWithoutAUnitHasNoUnitClaim() throws Exception {
        client.get()
                .uri("/api/audit/verify?service=tasks")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.AUDITOR.basic())
                .exchange()
                .expectStatus()
                .isOk();

        var claims =
                SignedJWT.parse(REPORTING.last().header(IdentityHeader.NAME)).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("kiem.toan");
        assertThat(claims.getStringListClaim("roles")).containsExactly("AUDITOR");
        assertThat(claims.getClaims()).doesNotContainKey("unit_id");
    }

    @Test
    void anIdentityHeaderSentByTheCallerIsReplaced() throws Exception {
        String forged = forgedToken();
        client.get()
                .uri("/api/classes")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.VIEWER.basic())
                .header(IdentityHeader.NAME, forged)
                .header("x-giaoban-identity", forged)
                .exchange()
                .expectStatus()
                .isOk();

        List<String> headers = TRAINING.last().headers(IdentityHeader.NAME);
        assertThat(headers).hasSize(1).doesNotContain(forged);
        SignedJWT token = SignedJWT.parse(headers.get(0));
        assertThat(token.verify(new MACVerifier(TestUsers.IDENTITY_SECRET.getBytes(StandardCharsets.UTF_8))))
                .isTrue();
        assertThat(token.getJWTClaimsSet().getSubject()).isEqualTo("xem");
        assertThat(token.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("VIEWER");
    }

    @Test
    void eachServiceHearsHowLongTheGatewayWaitsForItsAnswerAndNotWhatTheCallerSays() {
        client.get()
                .uri("/api/reports/briefing?recordedAt=2022-10-06T01:30:00Z")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.VIEWER.basic())
                .header(AnswerWithin.NAME, "3600000")
                .exchange()
                .expectStatus()
                .isOk();
        client.get()
                .uri("/api/classes")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.VIEWER.basic())
                .exchange()
                .expectStatus()
                .isOk();

        assertThat(REPORTING.last().headers(AnswerWithin.NAME)).containsExactly("10000");
        assertThat(TRAINING.last().headers(AnswerWithin.NAME)).containsExactly("5000");
    }

    @Test
    void nobodySignedInMeansNoIdentityHeaderAtAll() {
        client.get()
                .uri("/v3/api-docs/tasks")
                .header(IdentityHeader.NAME, forgedToken())
                .exchange()
                .expectStatus()
                .isOk();

        assertThat(TASKS.last().path()).isEqualTo("/v3/api-docs");
        assertThat(TASKS.last().headers(IdentityHeader.NAME)).isEmpty();
    }

    @Test
    void eachServiceDocumentIsProxiedWithTheGatewayAsItsServer() {
        for (var docs : Map.of("tasks", TASKS, "training", TRAINING, "reporting", REPORTING)
                .entrySet()) {
            client.get()
                    .uri("/v3/api-docs/" + docs.getKey())
                    .exchange()
                    .expectStatus()
                    .isOk();
            StubService.Received received = docs.getValue().last();
            assertThat(received.path()).isEqualTo("/v3/api-docs");
            assertThat(received.header("X-Forwarded-Host")).isEqualTo("localhost:" + port);
            assertThat(received.header("X-Forwarded-Proto")).isEqualTo("http");
            assertThat(received.header("X-Forwarded-Port")).isEqualTo(Integer.toString(port));
            assertThat(received.header("X-Forwarded-For")).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void theSwaggerUiListsTheThreeServicesAndTheGateway() {
        client.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
        client.get()
                .uri("/v3/api-docs/swagger-config")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.urls[*].url")
                .value(urls -> assertThat((List<String>) urls)
                        .containsExactlyInAnyOrder(
                                "/v3/api-docs/tasks",
                                "/v3/api-docs/training",
                                "/v3/api-docs/reporting",
                                "/v3/api-docs"));
        client.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.info.title")
                .isEqualTo("giaoban gateway")
                .jsonPath("$.paths['/api/me'].get")
                .exists();
    }

    /**
     * The gateway's own document, written to {@code target/openapi/gateway.json}, is the contract checked in under
     * {@code docs/api}, which the suite lints and generates its client from.
     */
    @Test
    void theGatewaysDocumentIsTheContractCheckedIn() throws IOException {
        byte[] served = client.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody();
        ObjectMapper json = new ObjectMapper();
        JsonNode document = json.readTree(served);
        Path written = Path.of("target", "openapi", "gateway.json").toAbsolutePath();
        Files.createDirectories(written.getParent());
        json.writerWithDefaultPrettyPrinter().writeValue(written.toFile(), document);
        Path checkedIn =
                Path.of("..", "docs", "api", "gateway.json").toAbsolutePath().normalize();
        assertThat(checkedIn)
                .as("the checked-in contract; create it with: cp %s %s", written, checkedIn)
                .exists();
        assertThat(json.readTree(checkedIn.toFile()))
                .as(
                        "%s differs from what the gateway serves; if the change is meant, cp %s %s",
                        checkedIn, written, checkedIn)
                .isEqualTo(document);
    }

    @Test
    void healthIsOpen() {
        client.get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
    }

    @Test
    void withoutCredentialsTheAnswerIs401AndAsksForBasic() {
        client.get()
                .uri("/api/tasks")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"giaoban\"")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:giaoban:problem:unauthenticated")
                .jsonPath("$.status")
                .isEqualTo(401)
                .jsonPath("$.title")
                .isNotEmpty()
                .jsonPath("$.detail")
                .isNotEmpty();
        assertThat(TASKS.received()).isEmpty();
    }

    @Test
    void aWrongPasswordOrAnUnknownUserIs401() {
        for (String authorization : List.of(
                TestUsers.OFFICER.basic("sai mật khẩu"),
                new User("nobody", "ADMIN", null).basic(),
                "Basic not-base64!")) {
            client.get()
                    .uri("/api/me")
                    .header(HttpHeaders.AUTHORIZATION, authorization)
                    .exchange()
                    .expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"giaoban\"")
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("urn:giaoban:problem:unauthenticated");
        }
    }

    static Stream<Arguments> users() {
        return Stream.of(
                Arguments.of(TestUsers.ADMIN),
                Arguments.of(TestUsers.OFFICER),
                Arguments.of(TestUsers.AUDITOR),
                Arguments.of(TestUsers.VIEWER));
    }

    @ParameterizedTest
    @MethodSource("users")
    void meNamesTheCallerItsRolesAndItsUnit(User user) {
        client.get()
                .uri("/api/me")
                .header(HttpHeaders.AUTHORIZATION, user.basic())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .json(
                        "{\"name\":\"" + user.name() + "\",\"roles\":[\"" + user.role() + "\"],\"unitId\":"
                                + (user.unitId() == null ? "null" : "\"" + user.unitId() + "\"") + "}",
                        true);
    }

    @Test
    void aViewerOrAnAuditorMayNotWriteAndTheServiceHearsNothing() {
        for (User reader : List.of(TestUsers.VIEWER, TestUsers.AUDITOR)) {
            for (HttpMethod method : List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE)) {
                client.method(method)
                        .uri("/api/classes/c-1/enrolments")
                        .header(HttpHeaders.AUTHORIZATION, reader.basic())
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{}")
                        .exchange()
                        .expectStatus()
                        .isForbidden()
                        .expectHeader()
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectBody()
                        .jsonPath("$.type")
                        .isEqualTo("urn:giaoban:problem:forbidden")
                        .jsonPath("$.status")
                        .isEqualTo(403)
                        .jsonPath("$.detail")
                        .value(detail -> assertThat((String) detail).contains(reader.role()));
            }
        }
        assertThat(TRAINING.started("/api/classes/c-1/enrolments")).isEmpty();
    }

    @Test
    void onlyAnAdminMayUseTheAdminEndpoints() {
        for (User user : List.of(TestUsers.OFFICER, TestUsers.AUDITOR, TestUsers.VIEWER)) {
            client.get()
                    .uri("/api/admin/projections")
                    .header(HttpHeaders.AUTHORIZATION, user.basic())
                    .exchange()
                    .expectStatus()
                    .isForbidden()
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("urn:giaoban:problem:forbidden");
        }
        client.post()
                .uri("/api/admin/projections/briefing-tasks/rebuild")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.OFFICER.basic())
                .exchange()
                .expectStatus()
                .isForbidden();
        assertThat(REPORTING.started()).isEmpty();

        client.post()
                .uri("/api/admin/projections/briefing-tasks/rebuild")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.ADMIN.basic())
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(REPORTING.last().path()).isEqualTo("/api/admin/projections/briefing-tasks/rebuild");
    }

    @Test
    void pathsThatCouldSlipPastTheRulesAreRejected() {
        for (String path : List.of(
                "/api/tasks/../admin/projections",
                "/api/tasks/%2e%2e/admin/projections",
                "/api/admin%2Fprojections",
                "/api/admin;x=1/projections",
                "/api//admin/projections")) {
            client.get()
                    .uri(URI.create("http://localhost:" + port + path))
                    .header(HttpHeaders.AUTHORIZATION, TestUsers.OFFICER.basic())
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("urn:giaoban:problem:rejected-request");
        }
        assertThat(REPORTING.started()).isEmpty();
        assertThat(TASKS.started()).isEmpty();
    }

    @Test
    void anEncodedLetterDoesNotTakeAViewerPastTheRules() {
        for (String path : List.of("/api/%61dmin/projections", "/api/%61udit/events?service=tasks")) {
            client.get()
                    .uri(URI.create("http://localhost:" + port + path))
                    .header(HttpHeaders.AUTHORIZATION, TestUsers.VIEWER.basic())
                    .exchange()
                    .expectStatus()
                    .isForbidden()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("urn:giaoban:problem:forbidden");
        }
        assertThat(REPORTING.started()).isEmpty();

        client.get()
                .uri(URI.create("http://localhost:" + port + "/api/%61dmin/projections"))
                .header(HttpHeaders.AUTHORIZATION, TestUsers.ADMIN.basic())
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(REPORTING.received()).hasSize(1);
    }

    @Test
    void theAuditEndpointsAreForAuditorsAndAdmins() {
        for (User user : List.of(TestUsers.OFFICER, TestUsers.VIEWER)) {
            client.get()
                    .uri("/api/audit/events?service=tasks")
                    .header(HttpHeaders.AUTHORIZATION, user.basic())
                    .exchange()
                    .expectStatus()
                    .isForbidden();
        }
        assertThat(REPORTING.started()).isEmpty();
        for (User user : List.of(TestUsers.AUDITOR, TestUsers.ADMIN)) {
            client.get()
                    .uri("/api/audit/events?service=tasks")
                    .header(HttpHeaders.AUTHORIZATION, user.basic())
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
        assertThat(REPORTING.received()).hasSize(2);
    }

    @Test
    void aRecordGetsASmallerBodyThanABatch() {
        byte[] overARecord = new byte[MAX_RECORD_BODY + 1];
        client.post()
                .uri("/api/tasks")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.OFFICER.basic())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(overARecord)
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:giaoban:problem:body-too-large")
                .jsonPath("$.limitBytes")
                .isEqualTo(MAX_RECORD_BODY);
        assertThat(TASKS.started("/api/tasks")).isEmpty();

        client.post()
                .uri("/api/contests/k-1/entries/batch")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.OFFICER.basic())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(overARecord)
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(TRAINING.last().path()).isEqualTo("/api/contests/k-1/entries/batch");
    }

    @Test
    void aBodyOverTheLimitIs413AndNothingReachesTheService() {
        byte[] big = new byte[MAX_BODY + 1];
        client.post()
                .uri("/api/classes/c-1/enrolments/batch")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.OFFICER.basic())
                .contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue(big)
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:giaoban:problem:body-too-large")
                .jsonPath("$.status")
                .isEqualTo(413);
        assertThat(TRAINING.started("/api/classes/c-1/enrolments/batch")).isEmpty();

        client.post()
                .uri("/api/classes/c-1/enrolments/batch")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.OFFICER.basic())
                .contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue(new byte[MAX_BODY])
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(TRAINING.last().body()).hasSize(MAX_BODY);
    }

    @Test
    void aChunkedBodyOverTheLimitIs413AndTheServiceNeverGetsAllOfIt() {
        DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;
        Flux<DataBuffer> chunks = Flux.range(0, 8).map(i -> buffers.wrap(new byte[MAX_BODY / 4]));
        client.post()
                .uri("/api/contests/c-1/entries/batch")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.OFFICER.basic())
                .contentType(MediaType.APPLICATION_JSON)
                .body(chunks, DataBuffer.class)
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:giaoban:problem:body-too-large");
        assertThat(TRAINING.received()).isEmpty();
    }

    @Test
    void anUnknownPathIs404ProblemJson() {
        client.get()
                .uri("/api/nothing-here")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.ADMIN.basic())
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:giaoban:problem:not-found")
                .jsonPath("$.status")
                .isEqualTo(404);
    }

    @Test
    void correlationIdsFromTheCallerGoOnAndComeBack() {
        client.get()
                .uri("/api/units")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.VIEWER.basic())
                .header("X-Request-Id", "req-42")
                .header("X-Correlation-Id", "meeting-2022-10-06")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valuesMatch("X-Request-Id", "req-42")
                .expectHeader()
                .valuesMatch("X-Correlation-Id", "meeting-2022-10-06");
        assertThat(TASKS.last().headers("X-Request-Id")).containsExactly("req-42");
        assertThat(TASKS.last().headers("X-Correlation-Id")).containsExactly("meeting-2022-10-06");
    }

    @Test
    void correlationIdsAreMadeWhenAbsentOrUnfit() {
        var answer = client.get()
                .uri("/api/units")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.VIEWER.basic())
                .header("X-Request-Id", "not fit for a log")
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class);
        List<String> requestIds = answer.getResponseHeaders().get("X-Request-Id");
        assertThat(requestIds).hasSize(1);
        String requestId = requestIds.get(0);
        assertThat(UUID.fromString(requestId)).isNotNull();
        assertThat(answer.getResponseHeaders().get("X-Correlation-Id")).containsExactly(requestId);
        assertThat(TASKS.last().headers("X-Request-Id")).containsExactly(requestId);
        assertThat(TASKS.last().headers("X-Correlation-Id")).containsExactly(requestId);
    }

    @Test
    void theGatewaysOwnRefusalsCarryCorrelationIdsToo() {
        client.get()
                .uri("/api/tasks")
                .header("X-Request-Id", "refused-1")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals("X-Request-Id", "refused-1")
                .expectHeader()
                .valueEquals("X-Correlation-Id", "refused-1");
    }

    @Test
    void aPreflightFromTheFrontEndIsAllowed() {
        client.options()
                .uri("/api/tasks")
                .header(HttpHeaders.ORIGIN, FRONT_END)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(
                        HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS,
                        "authorization, idempotency-key, if-match, content-type")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, FRONT_END)
                .expectHeader()
                .value(
                        HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS,
                        methods -> assertThat(methods).contains("POST"))
                .expectHeader()
                .value(
                        HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
                        headers -> assertThat(headers.toLowerCase())
                                .contains("authorization", "idempotency-key", "if-match"));
        assertThat(TASKS.started()).isEmpty();
    }

    @Test
    void aPreflightFromAnotherOriginIsRefused() {
        client.options()
                .uri("/api/tasks")
                .header(HttpHeaders.ORIGIN, "https://elsewhere.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:giaoban:problem:cors-refused");
    }

    @Test
    void aCrossOriginReadExposesTheHeadersAFrontEndNeeds() {
        client.get()
                .uri("/api/tasks")
                .header(HttpHeaders.ORIGIN, FRONT_END)
                .header(HttpHeaders.AUTHORIZATION, TestUsers.VIEWER.basic())
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, FRONT_END)
                .expectHeader()
                .value(
                        HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
                        exposed -> assertThat(exposed).contains("Location", "ETag", "Retry-After", "X-Request-Id"));
    }

    private static String forgedToken() {
        return "eyJhbGciOiJub25lIn0.eyJzdWIiOiJtYWxsb3J5Iiwicm9sZXMiOlsiQURNSU4iXX0.";
    }
}
