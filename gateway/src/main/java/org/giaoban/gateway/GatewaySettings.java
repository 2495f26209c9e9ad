package org.giaoban.gateway;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.giaoban.identity.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The gateway's own settings, under {@code giaoban.gateway}. Routes, time limits and the OIDC issuer are Spring Cloud
 * Gateway's, Resilience4j's and Spring Security's own properties (see application.yml).
 *
 * @param users the users who sign in with HTTP Basic
 * @param rateLimit requests a caller may make
 * @param maxRequestBytes the largest request body let through, but to a batch
 * @param maxBatchRequestBytes the largest body of a batch: a class list or contest entries, up to 10,000 rows each
 * @param cors which web origins may call the gateway from a browser
 * @param demoPassword when set, the demonstration users of {@code bin/giaoban up} with this password (see DemoUsers)
 * @param signIn how failed sign-ins are slowed down and how many passwords are checked at once
 * @param oidc where an OIDC access token carries the caller's roles and unit
 */
@Validated
@ConfigurationProperties("giaoban.gateway")
public record GatewaySettings(
        @DefaultValue List<@Valid User> users,
        @DefaultValue @Valid RateLimit rateLimit,
        @DefaultValue("1MB") DataSize maxRequestBytes,
        @DefaultValue("8MB") DataSize maxBatchRequestBytes,
        @DefaultValue @Valid Cors cors,
        @DefaultValue("") String demoPassword,
        @DefaultValue @Valid SignIn signIn,
        @DefaultValue @Valid Oidc oidc) {

    /**
     * A user who signs in with HTTP Basic.
     *
     * @param name the user name, as recorded with everything the user does
     * @param passwordHash the bcrypt hash of the password ({@code $2a$}, {@code $2b$} or {@code $2y$})
     * @param roles one or more of ADMIN, OFFICER, AUDITOR, VIEWER
     * @param unitId the user's unit in the unit catalogue; required for an OFFICER
     */
    public record User(
            @NotBlank String name,
            @NotBlank String passwordHash,
            @NotEmpty List<@NotNull Role> roles,
            String unitId) {}

    /**
     * A token bucket per caller (the user name, or the client's address when nobody is signed in).
     *
     * @param requestsPerSecond how fast the bucket refills
     * @param burst how many requests the bucket holds
     */
    public record RateLimit(
            @DefaultValue("20") @Min(1) int requestsPerSecond,
            @DefaultValue("40") @Min(1) int burst) {}

    /**
     * Failed HTTP Basic sign-ins, counted per user name and per client address (see SignInThrottle).
     *
     * @param freeFailures failures in a row before the first lockout
     * @param firstLockout how long the first lockout lasts; each next one lasts twice as long
     * @param longestLockout the cap of a lockout
     * @param forgetAfter how long without a failure before a count is forgotten
     * @param concurrentChecks how many passwords are checked at once; 0 for one per processor
     */
    public record SignIn(
            @DefaultValue("5") @Min(1) int freeFailures,
            @DefaultValue("1s") Duration firstLockout,
            @DefaultValue("15m") Duration longestLockout,
            @DefaultValue("15m") Duration forgetAfter,
            @DefaultValue("0") @Min(0) int concurrentChecks) {

        public int concurrentChecksOrProcessors() {
            return concurrentChecks > 0
                    ? concurrentChecks
                    : Runtime.getRuntime().availableProcessors();
        }
    }

    /**
     * The claims of an OIDC access token that give the caller's roles and unit; a dotted name reaches into an object,
     * as Keycloak's {@code realm_access.roles}.
     *
     * @param rolesClaim a list of role names, or one string of them separated by spaces or commas
     * @param unitClaim the unit's id in the unit catalogue
     */
    public record Oidc(
            @DefaultValue("roles") @NotBlank String rolesClaim,
            @DefaultValue("unit_id") @NotBlank String unitClaim) {}

    /**
     * Cross-origin requests from browsers.
     *
     * @param allowedOrigins origins such as {@code https://giaoban.example.vn}; none by default, so every cross-origin
     *     request is refused
     */
    public record Cors(@DefaultValue List<String> allowedOrigins) {}
}
