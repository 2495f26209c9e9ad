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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issues the tokens of {@link IdentityHeader} (the gateway: one per routed request, for its service, valid for
 * {@link IdentityHeader#TIME_TO_LIVE}) and verifies them (the services: every request, each token once).
 *
 * <p>The ids of the tokens a service accepted are kept until the tokens expire, in this process: a token read off the
 * wire between the gateway and a service is refused by that service and, being meant for it, by every other. A service
 * running as several instances could still be handed the same token once by each.
 */
public class IdentityTokens {

    /** How far the gateway's clock and a service's may disagree. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

    private static final JWSAlgorithm ALGORITHM = JWSAlgorithm.parse(IdentityHeader.ALGORITHM);

    /** How many token ids may be remembered before the expired ones are swept out. */
    private static final int SWEEP_ABOVE = 10_000;

    private final MACSigner signer;
    private final MACVerifier verifier;
    private final Clock clock;
    private final String audience;
    private final Map<String, Instant> seenUntil = new ConcurrentHashMap<>();

    /** Tokens that name no service, for the gateway (which only issues) and the suite's own tools. */
    public IdentityTokens(byte[] secret, Clock clock) {
        this(secret, clock, null);
    }

    /**
     * @param audience the service verifying, by its {@code spring.application.name}: a token meant for another service
     *     is refused
     */
    public IdentityTokens(byte[] secret, Clock clock, String audience) {
        try {
            this.signer = new MACSigner(secret);
            this.verifier = new MACVerifier(secret);
        } catch (JOSEException e) {
            throw new IllegalStateException("The identity secret cannot sign HS256 tokens", e);
        }
        this.clock = clock;
        this.audience = audience == null || audience.isBlank() ? null : audience;
    }

    /** A token for any service: the suite's own tools. */
    public String issue(Caller caller) {
        return issue(caller, null);
    }

    /** A token for one service, named by its {@code spring.application.name}; null for any. */
    public String issue(Caller caller, String service) {
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
        if (service != null) {
            claims.audience(service);
        }
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
        List<String> audiences = claims.getAudience();
        if (audience != null && !audiences.isEmpty() && !audiences.contains(audience)) {
            throw new InvalidIdentityException("it is meant for " + String.join(", ", audiences) + ", not " + audience);
        }
        Caller caller = callerOf(claims);
        String tokenId = claims.getJWTID();
        if (tokenId == null || tokenId.isBlank()) {
            throw new InvalidIdentityException("it has no id");
        }
        if (!firstUse(tokenId, expiresAt.toInstant().plus(CLOCK_SKEW), now)) {
            throw new InvalidIdentityException("it was used before");
        }
        return caller;
    }

    /** Remembers the id until the token can no longer be used; false when it is remembered already. */
    private boolean firstUse(String tokenId, Instant until, Instant now) {
        if (seenUntil.size() > SWEEP_ABOVE) {
            seenUntil.values().removeIf(expiry -> !now.isBefore(expiry));
        }
        return seenUntil.putIfAbsent(tokenId, until) == null;
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
