package org.giaoban.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a request id and a correlation id (taken from {@code X-Request-Id} and {@code X-Correlation-Id}
 * when the caller sends sensible ones), echoes them in the response and in the log, and binds them for the commands
 * the request sends.
 */
public class RequestMetadataFilter extends OncePerRequestFilter {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    public static final String CORRELATION_ID_HEADER = "X-Correlation-Id";

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = safeOrNew(request.getHeader(REQUEST_ID_HEADER));
        String correlationId = safeOr(request.getHeader(CORRELATION_ID_HEADER), requestId);
        RequestMetadata metadata = new RequestMetadata(requestId, correlationId, null);
        metadata.bindTo(request);
        response.setHeader(REQUEST_ID_HEADER, requestId);
        response.setHeader(CORRELATION_ID_HEADER, correlationId);
        MDC.put(RequestMetadata.REQUEST_ID, requestId);
        MDC.put(RequestMetadata.CORRELATION_ID, correlationId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(RequestMetadata.REQUEST_ID);
            MDC.remove(RequestMetadata.CORRELATION_ID);
        }
    }

    private static String safeOrNew(String candidate) {
        return safeOr(candidate, UUID.randomUUID().toString());
    }

    private static String safeOr(String candidate, String fallback) {
        return candidate != null && SAFE_ID.matcher(candidate).matches() ? candidate : fallback;
    }
}
