package org.giaoban.platform.problem;

/**
 * A request the caller's roles or unit do not allow: answered {@code 403}, and nothing is changed. {@code reason} is a
 * short stable name, e.g. {@code unit-not-allowed}.
 */
public class NotAllowedException extends RuntimeException {

    private final String reason;

    public NotAllowedException(String reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
