package org.giaoban.platform.web;

import jakarta.servlet.ServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Who asked for what, as far as one HTTP request tells: its own id, and the correlation id that ties together every
 * request and message of one piece of work. It is carried onto every command and from there onto every event.
 */
public record RequestMetadata(String requestId, String correlationId) {

    public static final String REQUEST_ID = "requestId";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";

    private static final String ATTRIBUTE = RequestMetadata.class.getName();

    /** The metadata of the request being handled on this thread, if any. */
    public static Optional<RequestMetadata> current() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(
                (RequestMetadata) attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST));
    }

    void bindTo(ServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    public Map<String, String> asMessageMetadata() {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(REQUEST_ID, requestId);
        metadata.put(CORRELATION_ID, correlationId);
        return metadata;
    }
}
