package org.giaoban.platform.web;

import jakarta.servlet.ServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.giaoban.identity.Caller;
import org.giaoban.platform.access.CallerMetadata;
import org.giaoban.platform.access.UnitWriteAccess;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Who asked for what, as far as one HTTP request tells: its own id, the correlation id that ties together every
 * request and message of one piece of work, and the caller the gateway vouched for (null until
 * {@link CallerIdentityFilter} has verified it). It is carried onto every command and from there onto every event.
 */
public record RequestMetadata(String requestId, String correlationId, Caller caller) {

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

    static Optional<RequestMetadata> of(ServletRequest request) {
        return Optional.ofNullable((RequestMetadata) request.getAttribute(ATTRIBUTE));
    }

    void bindTo(ServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    RequestMetadata withCaller(Caller verified) {
        return new RequestMetadata(requestId, correlationId, verified);
    }

    public Map<String, Object> asMessageMetadata() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put(REQUEST_ID, requestId);
        metadata.put(CORRELATION_ID, correlationId);
        if (caller != null) {
            metadata.putAll(CallerMetadata.of(caller));
        }
        return metadata;
    }

    /**
     * Whether the caller of this request may write for {@code unitId} (an administrator, or an officer of that unit or
     * a unit above it): who may change a record is who may see its personal data in clear. False without a caller.
     */
    public boolean callerMayWriteFor(String unitId, UnitWriteAccess access) {
        return caller != null && access.mayWriteFor(unitId, caller);
    }
}
