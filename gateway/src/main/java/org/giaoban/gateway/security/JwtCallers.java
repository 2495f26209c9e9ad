package org.giaoban.gateway.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.giaoban.identity.Caller;
import org.giaoban.identity.Role;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import reactor.core.publisher.Mono;

/**
 * An OIDC access token (already checked for signature, issuer and lifetime) to a {@link Caller}: the name from the
 * principal claim ({@code sub} unless {@code spring.security.oauth2.resourceserver.jwt.principal-claim-name} says
 * otherwise), the roles from {@value #ROLES_CLAIM} (a list, or one string with roles separated by spaces or commas;
 * roles giaoban does not know are ignored) and the unit from {@value #UNIT_CLAIM}.
 */
public class JwtCallers implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    public static final String ROLES_CLAIM = "roles";
    public static final String UNIT_CLAIM = "unit_id";

    private final Callers callers;
    private final String principalClaim;

    public JwtCallers(Callers callers, String principalClaim) {
        this.callers = callers;
        this.principalClaim = principalClaim == null || principalClaim.isBlank() ? "sub" : principalClaim;
    }

    @Override
    public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
        try {
            Caller caller =
                    callers.caller(jwt.getClaimAsString(principalClaim), roles(jwt), jwt.getClaimAsString(UNIT_CLAIM));
            return Mono.just(new CallerAuthentication(caller));
        } catch (IllegalArgumentException e) {
            return Mono.error(new InvalidBearerTokenException("The token cannot be used: " + e.getMessage()));
        }
    }

    private static List<Role> roles(Jwt jwt) {
        Object claim = jwt.getClaims().get(ROLES_CLAIM);
        Collection<?> values;
        if (claim instanceof Collection<?> list) {
            values = list;
        } else if (claim instanceof String text) {
            values = List.of(text.split("[\\s,]+"));
        } else {
            values = List.of();
        }
        List<Role> roles = new ArrayList<>();
        for (Object value : values) {
            String name = String.valueOf(value).strip().toUpperCase(Locale.ROOT);
            for (Role role : Role.values()) {
                if (role.name().equals(name)) {
                    roles.add(role);
                }
            }
        }
        return roles;
    }
}
