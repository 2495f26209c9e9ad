package org.giaoban.platform.problem;

/**
 * A field whose value is well-formed but not acceptable (a completion date in the future, an unknown unit): answered
 * {@code 400} with the field named, like any other invalid input.
 */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
