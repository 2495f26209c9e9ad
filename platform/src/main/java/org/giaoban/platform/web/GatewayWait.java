package org.giaoban.platform.web;

import java.time.Duration;
import java.util.Optional;
import org.giaoban.identity.AnswerWithin;

/**
 * How long the gateway waits for this service's answer to a request, as it says in {@value #HEADER} (see
 * {@link AnswerWithin}): the bound of work whose answer would otherwise reach nobody.
 */
public final class GatewayWait {

    public static final String HEADER = AnswerWithin.NAME;

    private GatewayWait() {}

    /** The wait the header names; empty without one or with one that is not a count of milliseconds. */
    public static Optional<Duration> of(String header) {
        return AnswerWithin.parse(header);
    }
}
