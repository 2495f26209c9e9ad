/**
 * problem+json (RFC 9457) for every error the gateway makes itself: 401, 403, 404, 413, 429, 503, in the shape of
 * API.md ({@code type}, {@code title}, {@code status}, {@code detail}).
 */
package org.giaoban.gateway.problem;
