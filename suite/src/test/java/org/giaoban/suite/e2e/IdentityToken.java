package org.giaoban.suite.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.giaoban.identity.Caller;
import org.giaoban.identity.IdentityTokens;
import org.giaoban.identity.Role;

/**
 * Tokens for calling a service past the gateway: signed as the gateway signs them ({@link IdentityTokens}, with any
 * secret and any instant of issue), or a forgery a careless verifier would take, unsigned with {@code "alg": "none"}.
 */
final class IdentityToken {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private IdentityToken() {}

    /** A token for any service, issued at {@code issuedAt} and valid for the gateway's ten seconds after it. */
    static String signed(String secret, String user, List<String> roles, String unitId, Instant issuedAt) {
        IdentityTokens tokens =
                new IdentityTokens(secret.getBytes(StandardCharsets.UTF_8), Clock.fixed(issuedAt, ZoneOffset.UTC));
        return tokens.issue(Caller.of(user, roles.stream().map(Role::valueOf).toList(), unitId));
    }

    /** A token as the gateway signs one for {@code service} alone. */
    static String signedFor(String service, String secret, String user, List<String> roles, String unitId) {
        IdentityTokens tokens = new IdentityTokens(secret.getBytes(StandardCharsets.UTF_8), Clock.systemUTC());
        return tokens.issue(Caller.of(user, roles.stream().map(Role::valueOf).toList(), unitId), service);
    }

    /** The same claims with {@code "alg": "none"} and no signature, which a careless verifier takes as they stand. */
    static String unsigned(String user, List<String> roles, String unitId, Instant issuedAt, Instant expiresAt) {
        ObjectNode header = Answer.JSON.createObjectNode().put("alg", "none").put("typ", "JWT");
        ObjectNode claims = Answer.JSON
                .createObjectNode()
                .put("iss", "giaoban-gateway")
                .put("sub", user)
                .put("iat", issuedAt.getEpochSecond())
                .put("exp", expiresAt.getEpochSecond())
                .put("jti", UUID.randomUUID().toString());
        roles.forEach(claims.putArray("roles")::add);
        if (unitId != null) {
            claims.put("unit_id", unitId);
        }
        return base64url(header) + "." + base64url(claims) + ".";
    }

    private static String base64url(ObjectNode json) {
        try {
            return BASE64URL.encodeToString(Answer.JSON.writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
