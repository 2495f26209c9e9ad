package org.giaoban.gateway.problem;

import org.giaoban.gateway.limit.RequestBodyTooLargeException;
import org.springframework.http.HttpStatus;

/** The refusals the gateway itself makes, so each has one type and one title wherever it is made. */
public final class Problems {

    private Problems() {}

    public static Problem unauthenticated(String detail) {
        return Problem.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "Not signed in", detail);
    }

    public static Problem forbidden(String detail) {
        return Problem.of(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", detail);
    }

    public static Problem csrfRefused() {
        return Problem.of(
                HttpStatus.FORBIDDEN,
                "csrf-token-refused",
                "CSRF token missing or wrong",
                "A request signed in by the session cookie that may change something must carry the session's CSRF"
                        + " token in the X-CSRF-Token header; GET /api/session gives it.");
    }

    public static Problem invalidSignIn() {
        return Problem.of(HttpStatus.BAD_REQUEST, "invalid-sign-in", "Invalid sign-in", "Give a name and a password.");
    }

    public static Problem corsRefused(String origin) {
        return Problem.of(
                HttpStatus.FORBIDDEN,
                "cors-refused",
                "Origin not allowed",
                "Requests from " + origin + " are not allowed, or not with this method or these headers.");
    }

    public static Problem bodyTooLarge(RequestBodyTooLargeException tooLarge) {
        return Problem.of(
                        HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large", "Request body too large", tooLarge.getMessage())
                .with("limitBytes", tooLarge.limit().toBytes());
    }

    public static Problem rateLimited(long retryAfterSeconds) {
        return Problem.of(
                HttpStatus.TOO_MANY_REQUESTS,
                "rate-limited",
                "Too many requests",
                "Too many requests in a short time; try again in " + retryAfterSeconds + " s.");
    }

    public static Problem signInsThrottled(long retryAfterSeconds) {
        return Problem.of(
                HttpStatus.TOO_MANY_REQUESTS,
                "sign-in-throttled",
                "Too many failed sign-ins",
                "Too many failed sign-ins with this user name or from this address; try again in " + retryAfterSeconds
                        + " s.");
    }

    public static Problem signInsBusy() {
        return Problem.of(
                HttpStatus.SERVICE_UNAVAILABLE,
                "sign-in-busy",
                "Too many sign-ins at once",
                "The gateway is checking as many passwords as it can at once; try again in a second.");
    }

    public static Problem serviceUnavailable(String service, String detail) {
        return Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable", detail)
                .with("service", service);
    }
}
