package org.giaoban.gateway.security;

import org.springframework.security.core.AuthenticationException;

/** As many passwords are being checked as the gateway allows at once; this one was not checked at all. */
public class SignInsBusyException extends AuthenticationException {

    public SignInsBusyException() {
        super("Too many sign-ins are being checked at once.");
    }
}
