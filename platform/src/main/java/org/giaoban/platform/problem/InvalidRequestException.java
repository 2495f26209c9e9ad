package org.giaoban.platform.problem;

import java.util.List;

/** A request with one or more invalid fields that are only invalid together or beyond bean validation: {@code 400}. */
public class InvalidRequestException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidRequestException(List<FieldError> errors) {
        super("Invalid request");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
