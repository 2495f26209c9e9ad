package org.giaoban.suite.reference;

/** Why the load stopped: a service refused a request (with the problem it answered), or could not be reached. */
final class LoadFailure extends RuntimeException {

    LoadFailure(String message) {
        super(message);
    }

    LoadFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
