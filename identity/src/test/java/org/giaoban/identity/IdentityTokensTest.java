package org.giaoban.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentityTokensTest {

    static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    static final Instant NOW = Instant.parse("2022-10-06T01:30:00Z");

    final IdentityTokens tokens = new IdentityTokens(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aTokenCarriesTheCallerForTenSecondsSignedWithTheSharedSecret() throws Exception {
        SignedJWT token = SignedJWT.parse(
                tokens.issue(Caller.of("hoa.nguyen", List.of(Role.VIEWER, Role.OFFICER), "HN-HOANKIEM")));

        assertThat(token.verify(new MACVerifier(SECRET))).isTrue();
        assertThat(token.getHeader().getAlgorithm().getName()).isEqualTo(IdentityHeader.ALGORITHM);
        var claims = token.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(IdentityHeader.ISSUER);
        assertThat(claims.getSubject()).isEqualTo("hoa.nguyen");
        assertThat(claims.getStringListClaim(IdentityHeader.CLAIM_ROLES)).containsExactly("OFFICER", "VIEWER");
        assertThat(claims.getStringClaim(IdentityHeader.CLAIM_UNIT_ID)).isEqualTo("HN-HOANKIEM");
        assertThat(claims.getIssueTime()).isEqualTo(Date.from(NOW));
        assertThat(claims.getExpirationTime()).isEqualTo(Date.from(NOW.plusSeconds(10)));
        assertThat(claims.getAudience()).isEmpty();
    }

    @Test
    void everyTokenHasItsOwnId() throws Exception {
        Caller caller = Caller.of("xem", List.of(Role.VIEWER), null);

        String first = SignedJWT.parse(tokens.issue(caller)).getJWTClaimsSet().getJWTID();
        String second = SignedJWT.parse(tokens.issue(caller)).getJWTClaimsSet().getJWTID();

        assertThat(first).isNotBlank().isNotEqualTo(second);
    }

    @Test
    void anotherSecretDoesNotVerifyIt() throws Exception {
        SignedJWT token = SignedJWT.parse(tokens.issue(Caller.of("xem", List.of(Role.VIEWER), null)));

        assertThat(token.verify(
                        new MACVerifier("another secret of at least 32 bytes!".getBytes(StandardCharsets.UTF_8))))
                .isFalse();
        assertThat(token.getJWTClaimsSet().getClaims()).doesNotContainKey(IdentityHeader.CLAIM_UNIT_ID);
    }

    @Test
    void theServicesReadTheCallerBackFromAValidToken() {
        Caller caller = Caller.of("hoa.nguyen", List.of(Role.OFFICER), "HN-HOANKIEM");

        assertThat(tokens.verify(tokens.issue(caller))).isEqualTo(caller);
    }

    @Test
    void aTokenIsAcceptedUntilItExpiresAllowingFiveSecondsOfClockSkew() {
        String token = tokens.issue(Caller.of("xem", List.of(Role.VIEWER), null));

        assertThat(verifierAt(NOW.plusSeconds(14)).verify(token).name()).isEqualTo("xem");
        assertThatThrownBy(() -> verifierAt(NOW.plusSeconds(15)).verify(token))
                .isInstanceOf(InvalidIdentityException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void aTokenIsAcceptedOnceOnly() {
        IdentityTokens tasksService = new IdentityTokens(SECRET, Clock.fixed(NOW, ZoneOffset.UTC), "tasks-service");
        String token = tokens.issue(Caller.of("xem", List.of(Role.VIEWER), null), "tasks-service");

        assertThat(tasksService.verify(token).name()).isEqualTo("xem");
        assertThatThrownBy(() -> tasksService.verify(token))
                .isInstanceOf(InvalidIdentityException.class)
                .hasMessageContaining("used before");
    }

    @Test
    void aTokenForAnotherServiceIsRefused() {
        IdentityTokens trainingService =
                new IdentityTokens(SECRET, Clock.fixed(NOW, ZoneOffset.UTC), "training-service");
        String forTasks = tokens.issue(Caller.of("xem", List.of(Role.VIEWER), null), "tasks-service");

        assertThatThrownBy(() -> trainingService.verify(forTasks))
                .isInstanceOf(InvalidIdentityException.class)
                .hasMessageContaining("meant for tasks-service, not training-service");
    }

    @Test
    void aTokenForNoServiceInParticularIsAcceptedByAny() {
        IdentityTokens trainingService =
                new IdentityTokens(SECRET, Clock.fixed(NOW, ZoneOffset.UTC), "training-service");

        assertThat(trainingService
                        .verify(tokens.issue(Caller.of("xem", List.of(Role.VIEWER), null)))
                        .name())
                .isEqualTo("xem");
    }

    @Test
    void aTokenWithoutAnIdIsRefused() throws Exception {
        String token = signed(new JWTClaimsSet.Builder()
                .issuer(IdentityHeader.ISSUER)
                .subject("xem")
                .claim(IdentityHeader.CLAIM_ROLES, List.of("VIEWER"))
                .issueTime(Date.from(NOW))
                .expirationTime(Date.from(NOW.plusSeconds(10)))
                .build());

        assertThatThrownBy(() -> tokens.verify(token)).hasMessageContaining("has no id");
    }

    @Test
    void aTokenFromTheFutureIsRefused() {
        String token = tokens.issue(Caller.of("xem", List.of(Role.VIEWER), null));

        assertThatThrownBy(() -> verifierAt(NOW.minusSeconds(6)).verify(token))
                .isInstanceOf(InvalidIdentityException.class)
                .hasMessageContaining("future");
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRefused() {
        IdentityTokens forger = new IdentityTokens(
                "another secret of at least 32 bytes!".getBytes(StandardCharsets.UTF_8),
                Clock.fixed(NOW, ZoneOffset.UTC));
        String forged = forger.issue(Caller.of("mallory", List.of(Role.ADMIN), null));

        assertThatThrownBy(() -> tokens.verify(forged))
                .isInstanceOf(InvalidIdentityException.class)
                .hasMessageContaining("signature");
    }

    @Test
    void aTokenWhoseClaimsWereChangedAfterSigningIsRefused() {
        String[] parts =
                tokens.issue(Caller.of("xem", List.of(Role.VIEWER), null)).split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"VIEWER\"", "\"ADMIN\"");
        String tampered = parts[0] + "." + base64(claims) + "." + parts[2];

        assertThatThrownBy(() -> tokens.verify(tampered)).hasMessageContaining("signature");
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String unsigned = base64("{\"alg\":\"none\"}") + "."
                + base64("{\"iss\":\"giaoban-gateway\",\"sub\":\"mallory\",\"roles\":[\"ADMIN\"]}") + ".";

        assertThatThrownBy(() -> tokens.verify(unsigned)).isInstanceOf(InvalidIdentityException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not a token", "a.b.c"})
    void somethingThatIsNotATokenIsRefused(String value) {
        assertThatThrownBy(() -> tokens.verify(value)).isInstanceOf(InvalidIdentityException.class);
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() throws Exception {
        String token = signed(new JWTClaimsSet.Builder()
                .issuer("someone-else")
                .subject("xem")
                .claim(IdentityHeader.CLAIM_ROLES, List.of("VIEWER"))
                .issueTime(Date.from(NOW))
                .expirationTime(Date.from(NOW.plusSeconds(60)))
                .build());

        assertThatThrownBy(() -> tokens.verify(token)).hasMessageContaining("issued by giaoban-gateway");
    }

    @Test
    void aTokenWithoutAKnownRoleIsRefused() throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(IdentityHeader.ISSUER)
                .subject("xem")
                .issueTime(Date.from(NOW))
                .expirationTime(Date.from(NOW.plusSeconds(60)));

        assertThatThrownBy(() -> tokens.verify(signed(claims.build()))).hasMessageContaining("no role");
        assertThatThrownBy(() -> tokens.verify(signed(claims.claim(IdentityHeader.CLAIM_ROLES, List.of("SUPERUSER"))
                        .build())))
                .hasMessageContaining("roles");
    }

    @Test
    void aTokenSignedWithAnotherAlgorithmIsRefusedEvenWithTheSharedSecret() throws Exception {
        byte[] longSecret = "0123456789abcdef0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS384), claimsOf("xem"));
        jwt.sign(new MACSigner(longSecret));

        assertThatThrownBy(
                        () -> new IdentityTokens(longSecret, Clock.fixed(NOW, ZoneOffset.UTC)).verify(jwt.serialize()))
                .isInstanceOf(InvalidIdentityException.class)
                .hasMessageContaining("not signed with HS256");
    }

    @Test
    void aTokenWhosePayloadIsNotAClaimsObjectIsRefused() throws Exception {
        JWSObject notClaims = new JWSObject(new JWSHeader(JWSAlgorithm.HS256), new Payload("[1, 2, 3]"));
        notClaims.sign(new MACSigner(SECRET));

        assertThatThrownBy(() -> tokens.verify(notClaims.serialize()))
                .isInstanceOf(InvalidIdentityException.class)
                .hasMessageContaining("not a JSON object");
    }

    @Test
    void aTokenThatNamesNoCallerIsRefused() throws Exception {
        assertThatThrownBy(() -> tokens.verify(signed(claimsOf(" "))))
                .isInstanceOf(InvalidIdentityException.class)
                .hasMessageContaining("names no caller");
    }

    private static JWTClaimsSet claimsOf(String subject) {
        return new JWTClaimsSet.Builder()
                .issuer(IdentityHeader.ISSUER)
                .subject(subject)
                .claim(IdentityHeader.CLAIM_ROLES, List.of("VIEWER"))
                .issueTime(Date.from(NOW))
                .expirationTime(Date.from(NOW.plusSeconds(60)))
                .build();
    }

    private static IdentityTokens verifierAt(Instant instant) {
        return new IdentityTokens(SECRET, Clock.fixed(instant, ZoneOffset.UTC));
    }

    private static String signed(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(SECRET));
        return jwt.serialize();
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
