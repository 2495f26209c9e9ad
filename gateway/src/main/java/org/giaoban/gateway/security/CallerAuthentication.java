package org.giaoban.gateway.security;

import org.giaoban.identity.Caller;
import org.giaoban.identity.Role;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

/** A signed-in {@link Caller}; its authorities are {@code ROLE_<role>}. */
public class CallerAuthentication extends AbstractAuthenticationToken {

    private final Caller caller;

    public CallerAuthentication(Caller caller) {
        super(AuthorityUtils.createAuthorityList(
                caller.roles().stream().map(Role::authority).toList()));
        this.caller = caller;
        setAuthenticated(true);
    }

    public Caller caller() {
        return caller;
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public String getName() {
        return caller.name();
    }
}
