package org.giaoban.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.giaoban.identity.IdentityHeader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** OIDC bearer tokens, from a stand-in issuer that publishes its discovery document and its keys. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(PatientClient.class)
class OidcIT {

    static final String AUDIENCE = "giaoban-web";
    static final RSAKey KEY = rsaKey("issuer-key");
    static final RSAKey OTHER_KEY = rsaKey("other-key");
    static final HttpServer ISSUER = issuer();
    static final String ISSUER_URL = "http://127.0.0.1:" + ISSUER.getAddress().getPort() + "/realms/giaoban";
    static final StubService TASKS = new StubService("tasks-service");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry properties) {
        properties.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER_URL);
        properties.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> AUDIENCE);
        properties.add("TASKS_URL", TASKS::url);
        TestUsers.register(properties, TestUsers.VIEWER);
    }

    @AfterAll
    static void stopServers() {
        ISSUER.stop(0);
        TASKS.close();
    }

    @Autowired
    WebTestClient client;

    @Test
    void aTokenFromTheIssuerSignsTheCallerInWithRolesAndUnitFromItsClaims() {
        String token = token(
                KEY,
                Map.of("sub", "nguyen.van.an", "roles", List.of("OFFICER", "offline_access"), "unit_id", "HN-BADINH"));

        client.get()
                .uri("/api/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .json("{\"name\":\"nguyen.van.an\",\"roles\":[\"OFFICER\"],\"unitId\":\"HN-BADINH\"}", true);
    }

    @Test
    void rolesMayComeAsOneStringAndTheServiceReceivesTheCaller() throws Exception {
        String token = token(KEY, Map.of("sub", "tran.thi.binh", "roles", "viewer auditor"));

        client.get()
                .uri("/api/tasks")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus()
                .isOk();

        var claims = SignedJWT.parse(TASKS.last().header(IdentityHeader.NAME)).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("tran.thi.binh");
        assertThat(claims.getStringListClaim("roles")).containsExactly("AUDITOR", "VIEWER");
        assertThat(claims.getClaims()).doesNotContainKey("unit_id");
        assertThat(TASKS.last().headers(HttpHeaders.AUTHORIZATION)).isEmpty();
    }

    @Test
    void aTokenThatIsExpiredSignedByAnotherKeyForAnotherAudienceOrNamesAnUnknownUnitIs401() {
        List<String> refused = List.of(
                token(
                        KEY,
                        Map.of("sub", "an", "roles", List.of("VIEWER")),
                        Instant.now().minusSeconds(3600)),
                token(OTHER_KEY, Map.of("sub", "an", "roles", List.of("VIEWER"))),
                token(KEY, Map.of("sub", "an", "roles", List.of("VIEWER"), "unit_id", "HN-ATLANTIS")),
                token(KEY, Map.of("sub", "an", "roles", List.of("OFFICER"))),
                token(KEY, Map.of("sub", "an", "roles", List.of("SUPERUSER"))),
                token(KEY, Map.of("sub", "an", "roles", List.of("VIEWER"), "aud", "another-app")),
                token(KEY, Map.of("sub", "an", "roles", List.of("VIEWER"), "aud", List.of())));
        for (String token : refused) {
            client.get()
                    .uri("/api/me")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .exchange()
                    .expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .values(
                            HttpHeaders.WWW_AUTHENTICATE,
                            values -> assertThat(values)
                                    .contains("Basic realm=\"giaoban\"")
                                    .anyMatch(value -> value.startsWith("Bearer") && value.contains("invalid_token")))
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("urn:giaoban:problem:unauthenticated");
        }
    }

    @Test
    void httpBasicStillWorks() {
        client.get()
                .uri("/api/me")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.VIEWER.basic())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo("xem");
        client.get()
                .uri("/api/me")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .values(
                        HttpHeaders.WWW_AUTHENTICATE,
                        values -> assertThat(values)
                                .containsExactly("Basic realm=\"giaoban\"", "Bearer realm=\"giaoban\""));
    }

    static String token(RSAKey key, Map<String, Object> claims) {
        return token(key, claims, Instant.now());
    }

    static String token(RSAKey key, Map<String, Object> claims, Instant issuedAt) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(ISSUER_URL)
                .audience(AUDIENCE)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(Duration.ofMinutes(5))));
        claims.forEach(builder::claim);
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), builder.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    static RSAKey rsaKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpServer issuer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext(
                    "/realms/giaoban/.well-known/openid-configuration",
                    exchange -> answer(
                            exchange,
                            "{\"issuer\":\"" + ISSUER_URL + "\",\"jwks_uri\":\"" + ISSUER_URL + "/keys\","
                                    + "\"subject_types_supported\":[\"public\"],"
                                    + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}"));
            server.createContext(
                    "/realms/giaoban/keys", exchange -> answer(exchange, new JWKSet(KEY.toPublicJWK()).toString()));
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void answer(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
