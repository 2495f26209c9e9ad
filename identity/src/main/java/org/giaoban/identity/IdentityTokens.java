package org.giaoban.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Issues the tokens of {@link IdentityHeader} (the gateway: one per routed request, valid for a minute) and verifies
 * them (the services: every request).
 */
public class IdentityTokens {

    /** How far the gateway's clock and a service's may disagree. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

    private static final JWSAlgorithm ALGORITHM = JWSAlgorithm.parse(IdentityHeader.ALGORITHM);

    private final MACSigner signer;
    private final MACVerifier verifier;
    private final Clock clock;

    public IdentityTokens(byte[] secret, Clock clock) {
        try {
            this.signer = new MACSigner(secret);
            this.verifier = new MACVerifier(secret);
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
                new JWSHeader.Builder(ALGORITHM).type(JOSEObjectType.JWT).build(), claims.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("An identity token could not be signed", e);
        }
        return jwt.serialize();
    }

    /**
     * @param token the value of {@value IdentityHeader#NAME}
     * @return the caller it names
     * @throws InvalidIdentityException when the token is malformed, not signed with the shared secret by the gateway,
     *     expired, or names no caller; the message says which, without repeating the token
     */
    public Caller verify(String token) {
        SignedJWT jwt = parse(token);
        if (!ALGORITHM.equals(jwt.getHeader().getAlgorithm())) {
            throw new InvalidIdentityException("it is not signed with " + IdentityHeader.ALGORITHM);
        }
        if (!signedWithTheSharedSecret(jwt)) {
            throw new InvalidIdentityException("its signature does not match the shared secret");
        }
        JWTClaimsSet claims = claimsOf(jwt);
        if (!IdentityHeader.ISSUER.equals(claims.getIssuer())) {
            throw new InvalidIdentityException("it was not issued by " + IdentityHeader.ISSUER);
        }
        Instant now = clock.instant();
        Date expiresAt = claims.getExpirationTime();
        if (expiresAt == null || !now.minus(CLOCK_SKEW).isBefore(expiresAt.toInstant())) {
            throw new InvalidIdentityException("it has expired");
        }
        Date issuedAt = claims.getIssueTime();
        if (issuedAt == null || issuedAt.toInstant().isAfter(now.plus(CLOCK_SKEW))) {
            throw new InvalidIdentityException("it is issued in the future");
        }
        return callerOf(claims);
    }

    private static SignedJWT parse(String token) {
        if (token == null || token.isBlank()) {
            throw new InvalidIdentityException("it is empty");
        }
        try {
            return SignedJWT.parse(token.strip());
        } catch (ParseException e) {
            throw new InvalidIdentityException("it is not a signed JWT");
        }
    }

    private boolean signedWithTheSharedSecret(SignedJWT jwt) {
        try {
            return jwt.verify(verifier);
        } catch (JOSEException e) {
            return false;
        }
    }

    private static JWTClaimsSet claimsOf(SignedJWT jwt) {
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new InvalidIdentityException("its claims are not a JSON object");
        }
    }

    private static Caller callerOf(JWTClaimsSet claims) {
        String name = claims.getSubject();
        if (name == null || name.isBlank()) {
            throw new InvalidIdentityException("it names no caller");
        }
        List<Role> roles = new ArrayList<>();
        try {
            List<String> names = claims.getStringListClaim(IdentityHeader.CLAIM_ROLES);
            for (String role : names == null ? List.<String>of() : names) {
                roles.add(Role.valueOf(role));
            }
            if (roles.isEmpty()) {
                throw new InvalidIdentityException("it gives the caller no role");
            }
            return Caller.of(name, roles, claims.getStringClaim(IdentityHeader.CLAIM_UNIT_ID));
        } catch (ParseException | IllegalArgumentException e) {
            throw new InvalidIdentityException("its roles or unit are not what " + IdentityHeader.NAME + " allows");
        }
    }
}
