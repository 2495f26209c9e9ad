package org.giaoban.identity;

/** A {@value IdentityHeader#NAME} value that names nobody the services may trust. */
public class InvalidIdentityException extends RuntimeException {

    public InvalidIdentityException(String reason) {
        super("The caller's identity is not valid: " + reason);
    }
}
