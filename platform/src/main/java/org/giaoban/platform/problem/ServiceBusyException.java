package org.giaoban.platform.problem;

/**
 * The service will not take on this request now: the work it asks for is limited to what the service can do at once,
 * or would take longer than it may. Answered {@code 503} with {@code Retry-After}; nothing was changed.
 */
public class ServiceBusyException extends RuntimeException {

    public ServiceBusyException(String detail) {
        super(detail);
    }
}
