package org.giaoban.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.giaoban.gateway.MutableClock;
import org.giaoban.gateway.security.Caller;
import org.giaoban.gateway.security.Role;
import org.junit.jupiter.api.Test;

class IdentityTokensTest {

    static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    static final Instant NOW = Instant.parse("2022-10-06T01:30:00Z");

    final IdentityTokens tokens = new IdentityTokens(SECRET, new MutableClock(NOW));

    @Test
    void aTokenCarriesTheCallerForSixtySecondsSignedWithTheSharedSecret() throws Exception {
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
        assertThat(claims.getExpirationTime()).isEqualTo(Date.from(NOW.plusSeconds(60)));
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
}
