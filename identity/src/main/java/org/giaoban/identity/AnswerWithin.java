package org.giaoban.identity;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How long the gateway waits for the start of a service's answer, sent with every request it routes: {@value #NAME},
 * in whole milliseconds. Work a service does on a request past that time is work for nobody, since the gateway has
 * answered {@code 504} and dropped the connection by then; a service bounds its long requests by it. The gateway
 * replaces whatever a caller sent, and a service only ever shortens its own limits by it, never lengthens them.
 */
public final class AnswerWithin {

    public static final String NAME = "X-Giaoban-Answer-Within";

    private static final Pattern MILLISECONDS = Pattern.compile("[0-9]{1,9}");

    private AnswerWithin() {}

    /** The header's value for a wait. */
    public static String format(Duration wait) {
        return Long.toString(Math.max(0, wait.toMillis()));
    }

    /** The wait a header names; empty when there is none or it is not a count of milliseconds. */
    public static Optional<Duration> parse(String header) {
        if (header == null || !MILLISECONDS.matcher(header).matches()) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(Long.parseLong(header)));
    }
}
