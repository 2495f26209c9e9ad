package org.giaoban.gateway.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.giaoban.identity.Caller;
import org.giaoban.identity.Role;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import reactor.core.publisher.Mono;

/**
 * An OIDC access token (already checked for signature, issuer, audience and lifetime) to a {@link Caller}: the name
 * from the principal claim ({@code sub} unless {@code spring.security.oauth2.resourceserver.jwt.principal-claim-name}
 * says otherwise), the roles from {@code giaoban.gateway.oidc.roles-claim} ({@code roles}: a list, or one string with
 * roles separated by spaces or commas; roles giaoban does not know are ignored) and the unit from
 * {@code giaoban.gateway.oidc.unit-claim} ({@code unit_id}). A dotted claim name reaches into objects:
 * {@code realm_access.roles} is the {@code roles} member of the {@code realm_access} claim.
 */
public class JwtCallers implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    private final Callers callers;
    private final String principalClaim;
    private final String rolesClaim;
    private final String unitClaim;

    public JwtCallers(Callers callers, String principalClaim, String rolesClaim, String unitClaim) {
        this.callers = callers;
        this.principalClaim = principalClaim == null || principalClaim.isBlank() ? "sub" : principalClaim;
        this.rolesClaim = rolesClaim;
        this.unitClaim = unitClaim;
    }

    @Override
    public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
        try {
            Caller caller = callers.caller(jwt.getClaimAsString(principalClaim), roles(jwt), unit(jwt));
            return Mono.just(new CallerAuthentication(caller));
        } catch (IllegalArgumentException e) {
            return Mono.error(new InvalidBearerTokenException("The token cannot be used: " + e.getMessage()));
        }
    }

    private String unit(Jwt jwt) {
        Object claim = claim(jwt, unitClaim);
        return claim == null ? null : claim.toString();
    }

    /** The claim at a dotted path, or null where any step is missing or not an object. */
    private static Object claim(Jwt jwt, String path) {
        Object value = jwt.getClaims();
        for (String step : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> object)) {
                return null;
            }
            value = object.get(step);
        }
        return value;
    }

    private List<Role> roles(Jwt jwt) {
        Object claim = claim(jwt, rolesClaim);
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
