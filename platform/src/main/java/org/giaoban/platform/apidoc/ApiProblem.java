package org.giaoban.platform.apidoc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A problem+json answer of one operation that no rule shared by all operations gives: an unknown id ({@code 404}),
 * a rule of the domain ({@code 409}), a batch too large ({@code 413}). The OpenAPI document shows it under its status
 * with its {@code type}, a title and an example of its {@code detail}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(ApiProblems.class)
public @interface ApiProblem {

    int status();

    /** The problem's type without {@code urn:giaoban:problem:}, e.g. {@code task-cancelled}. */
    String type();

    /** An example of the {@code detail} as the service words it. */
    String detail();

    /** The problem's title; by default the one the service gives every problem of this status. */
    String title() default "";
}
