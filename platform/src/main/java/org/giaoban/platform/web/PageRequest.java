package org.giaoban.platform.web;

import java.util.ArrayList;
import java.util.List;
import org.giaoban.platform.problem.FieldError;
import org.giaoban.platform.problem.InvalidRequestException;

/** The {@code page} and {@code size} of a list request: page from 0, size from 1 to 500, 50 when not given. */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    /** What {@code page} means, as the services' OpenAPI documents say it. */
    public static final String PAGE_DESCRIPTION = "The page, from 0";

    /** What {@code size} means, as the services' OpenAPI documents say it. */
    public static final String SIZE_DESCRIPTION =
            "Items per page, from 1 to " + MAX_SIZE + "; " + DEFAULT_SIZE + " when not given";

    public static PageRequest of(Integer page, Integer size) {
        int resolvedPage = page == null ? 0 : page;
        int resolvedSize = size == null ? DEFAULT_SIZE : size;
        List<FieldError> errors = new ArrayList<>();
        if (resolvedPage < 0) {
            errors.add(new FieldError("page", "must be 0 or more"));
        }
        if (resolvedSize < 1 || resolvedSize > MAX_SIZE) {
            errors.add(new FieldError("size", "must be from 1 to " + MAX_SIZE));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new PageRequest(resolvedPage, resolvedSize);
    }

    public long offset() {
        return (long) page * size;
    }
}
