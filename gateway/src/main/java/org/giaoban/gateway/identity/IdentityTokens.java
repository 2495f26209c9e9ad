package org.giaoban.gateway.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.giaoban.gateway.security.Caller;
import org.giaoban.gateway.security.Role;

/** Issues the tokens of {@link IdentityHeader}: one per routed request, valid for a minute. */
public class IdentityTokens {

    private final MACSigner signer;
    private final Clock clock;

    public IdentityTokens(byte[] secret, Clock clock) {
        try {
            this.signer = new MACSigner(secret);
        } catch (JOSEException e) {
            throw new IllegalStateException("The identity secret cannot sign HS256 tokens", e);
        }
        this.clock = clock;
    }

    public String issue(Caller caller) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(IdentityHeader.ISSUER)
                .subject(caller.name())
                .claim(
                        IdentityHeader.CLAIM_ROLES,
                        caller.roles().stream().map(Role::name).toList())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(IdentityHeader.TIME_TO_LIVE)))
                .jwtID(UUID.randomUUID().toString());
        if (caller.unitId() != null) {
            claims.claim(IdentityHeader.CLAIM_UNIT_ID, caller.unitId());
        }
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.parse(IdentityHeader.ALGORITHM))
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("An identity token could not be signed", e);
        }
        return jwt.serialize();
    }
}
