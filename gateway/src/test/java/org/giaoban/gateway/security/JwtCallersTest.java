package org.giaoban.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.giaoban.identity.Caller;
import org.giaoban.identity.Role;
import org.giaoban.units.UnitCatalogue;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

class JwtCallersTest {

    static final Callers CALLERS = new Callers(UnitCatalogue.hanoi());

    static Jwt token(Map<String, Object> claims) {
        return Jwt.withTokenValue("token")
                .header("alg", "RS256")
                .subject("nguyen.van.an")
                .issuedAt(Instant.parse("2022-10-06T01:30:00Z"))
                .claims(all -> all.putAll(claims))
                .build();
    }

    static Caller callerOf(JwtCallers callers, Jwt jwt) {
        return ((CallerAuthentication) callers.convert(jwt).block()).caller();
    }

    @Test
    void rolesAndUnitComeFromTheClaimsNamedInTheSettings() {
        JwtCallers keycloak = new JwtCallers(CALLERS, null, "realm_access.roles", "giaoban.unit");

        Caller caller = callerOf(
                keycloak,
                token(Map.of(
                        "realm_access", Map.of("roles", List.of("officer", "offline_access")),
                        "giaoban", Map.of("unit", "HN-BADINH"),
                        "roles", List.of("ADMIN"))));

        assertThat(caller).isEqualTo(Caller.of("nguyen.van.an", List.of(Role.OFFICER), "HN-BADINH"));
    }

    @Test
    void aClaimPathThatDoesNotLeadToTheRolesGivesNoRoleAndTheTokenIsRefused() {
        JwtCallers keycloak = new JwtCallers(CALLERS, null, "realm_access.roles", "unit_id");

        assertThatThrownBy(() -> callerOf(keycloak, token(Map.of("realm_access", "VIEWER"))))
                .isInstanceOf(InvalidBearerTokenException.class);
        assertThatThrownBy(() -> callerOf(keycloak, token(Map.of("roles", List.of("VIEWER")))))
                .isInstanceOf(InvalidBearerTokenException.class);
    }

    @Test
    void anIssuerWithoutAnAudienceToCheckStopsTheGatewayAtStart() {
        OAuth2ResourceServerProperties resourceServer = new OAuth2ResourceServerProperties();
        resourceServer.getJwt().setIssuerUri("https://sso.example.vn/realms/giaoban");

        assertThatThrownBy(() -> SecurityConfiguration.requireAudiences(resourceServer))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spring.security.oauth2.resourceserver.jwt.audiences");

        resourceServer.getJwt().setAudiences(List.of("giaoban-web"));
        SecurityConfiguration.requireAudiences(resourceServer);
    }
}
