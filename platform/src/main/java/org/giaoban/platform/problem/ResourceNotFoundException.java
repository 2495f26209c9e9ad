package org.giaoban.platform.problem;

/** No resource has the id the caller named: answered {@code 404}. */
public class ResourceNotFoundException extends RuntimeException {

    public ResourceNotFoundException(String what, Object id) {
        super("No " + what + " has the id " + id);
    }
}
