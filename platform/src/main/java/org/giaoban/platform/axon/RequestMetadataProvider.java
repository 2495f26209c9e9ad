package org.giaoban.platform.axon;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.giaoban.platform.access.CallerMetadata;
import org.giaoban.platform.web.RequestMetadata;

/**
 * What every event records of its origin: the message that caused it ({@code causationId}), the piece of work it
 * belongs to ({@code correlationId}, which stays the same along a whole chain of messages) and the HTTP request that
 * started it ({@code requestId}), and who asked for it ({@code actor}, {@code roles}, {@code unitId}: the caller the
 * gateway vouched for).
 */
public class RequestMetadataProvider implements CorrelationDataProvider {

    private static final List<String> PASSED_ON =
            List.of(RequestMetadata.REQUEST_ID, CallerMetadata.ACTOR, CallerMetadata.ROLES, CallerMetadata.UNIT_ID);

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        data.put(RequestMetadata.CAUSATION_ID, message.getIdentifier());
        data.put(
                RequestMetadata.CORRELATION_ID,
                message.getMetaData().getOrDefault(RequestMetadata.CORRELATION_ID, message.getIdentifier()));
        for (String key : PASSED_ON) {
            Object value = message.getMetaData().get(key);
            if (value != null) {
                data.put(key, value);
            }
        }
        return data;
    }
}
