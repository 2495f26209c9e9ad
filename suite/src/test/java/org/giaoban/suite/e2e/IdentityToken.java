package org.giaoban.suite.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes {@code X-Giaoban-Identity} tokens the way the gateway does (an HS256 JWT with {@code iss}, {@code sub},
 * {@code roles}, {@code unit_id}, {@code iat}, {@code exp}, {@code jti}), with any secret and lifetime, to call a
 * service past the gateway as somebody who has, or has not, the gateway's secret.
 */
final class IdentityToken {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private IdentityToken() {}

    static String signed(
            String secret, String user, List<String> roles, String unitId, Instant issuedAt, Instant expiresAt) {
        String signingInput = encode("HS256", user, roles, unitId, issuedAt, expiresAt);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return signingInput + "."
                    + BASE64URL.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HS256 is not available", e);
        }
    }

    /** The same claims with {@code "alg": "none"} and no signature, which a careless verifier takes as they stand. */
    static String unsigned(String user, List<String> roles, String unitId, Instant issuedAt, Instant expiresAt) {
        return encode("none", user, roles, unitId, issuedAt, expiresAt) + ".";
    }

    private static String encode(
            String algorithm, String user, List<String> roles, String unitId, Instant issuedAt, Instant expiresAt) {
        ObjectNode header = Answer.JSON.createObjectNode().put("alg", algorithm).put("typ", "JWT");
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
        return base64url(header) + "." + base64url(claims);
    }

    private static String base64url(ObjectNode json) {
        try {
            return BASE64URL.encodeToString(Answer.JSON.writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
