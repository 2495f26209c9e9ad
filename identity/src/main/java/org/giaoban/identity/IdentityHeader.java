package org.giaoban.identity;

import java.time.Duration;

/**
 * The contract between the gateway and the services for the caller's identity. Plain constants, no Spring, so that a
 * service can verify the header by the same names.
 *
 * <p>On every request it routes, the gateway removes any {@value #NAME} header the caller sent and, when somebody is
 * signed in, adds one holding a compact JWS (JWT) signed with {@value #ALGORITHM}:
 *
 * <pre>
 * header  {"alg": "HS256", "typ": "JWT"}
 * claims  {"iss": "giaoban-gateway", "aud": "training-service", "sub": "hoa.nguyen", "roles": ["OFFICER"],
 *          "unit_id": "HN-HOANKIEM", "iat": 1665019800, "exp": 1665019810, "jti": "4b0f..."}
 * </pre>
 *
 * <ul>
 *   <li>{@value #CLAIM_SUBJECT}: the user name, which the services record as the actor of every event;
 *   <li>{@value #CLAIM_ROLES}: one or more of ADMIN, OFFICER, AUDITOR, VIEWER;
 *   <li>{@value #CLAIM_UNIT_ID}: the caller's unit in the unit catalogue, absent when the caller has none;
 *   <li>{@value #CLAIM_ISSUED_AT}, {@value #CLAIM_EXPIRES_AT}: seconds since the epoch, {@link #TIME_TO_LIVE} apart;
 *   <li>{@value #CLAIM_TOKEN_ID}: a random UUID, different on every request;
 *   <li>{@value #CLAIM_AUDIENCE}: the service the request is routed to, by its {@code spring.application.name}.
 * </ul>
 *
 * A service must check the signature with the shared secret, {@value #CLAIM_ISSUER}, that the token has not expired
 * (allowing a few seconds of clock skew), that it is meant for this service, and that its id was not seen before; and
 * must not take any identity from a request without a valid header. A token without {@value #CLAIM_AUDIENCE} is one
 * that the suite's own tools sign for any service; only a holder of the secret can make one, and it could make any.
 * Without a header, nobody is signed in (the gateway's open paths, or a request that did not come through the gateway).
 *
 * <p>The secret: {@value #SECRET_ENVIRONMENT_VARIABLE} (property {@value #SECRET_PROPERTY}), at least
 * {@value #MINIMUM_SECRET_BYTES} bytes; when it is not set, the text in {@code <giaoban.data-dir>/}{@value
 * #SECRET_FILE} (made by the first process that needs it, readable by its owner only). The key is the UTF-8 bytes of
 * that text, without surrounding white space.
 */
public final class IdentityHeader {

    /** The request header that carries the token. */
    public static final String NAME = "X-Giaoban-Identity";

    /** The JWS algorithm: HMAC with SHA-256. */
    public static final String ALGORITHM = "HS256";

    /** The issuer ({@code iss}) the gateway writes. */
    public static final String ISSUER = "giaoban-gateway";

    public static final String CLAIM_ISSUER = "iss";
    public static final String CLAIM_SUBJECT = "sub";
    public static final String CLAIM_ROLES = "roles";
    public static final String CLAIM_UNIT_ID = "unit_id";
    public static final String CLAIM_ISSUED_AT = "iat";
    public static final String CLAIM_EXPIRES_AT = "exp";
    public static final String CLAIM_TOKEN_ID = "jti";
    public static final String CLAIM_AUDIENCE = "aud";

    /** How long a token is valid after it is issued. */
    public static final Duration TIME_TO_LIVE = Duration.ofSeconds(10);

    /** Where the shared secret comes from first. */
    public static final String SECRET_ENVIRONMENT_VARIABLE = "GIAOBAN_IDENTITY_SECRET";

    public static final String SECRET_PROPERTY = "giaoban.identity.secret";

    /** The file under {@code giaoban.data-dir} that holds the secret when the variable is not set. */
    public static final String SECRET_FILE = "identity.secret";

    public static final int MINIMUM_SECRET_BYTES = 32;

    private IdentityHeader() {}
}
