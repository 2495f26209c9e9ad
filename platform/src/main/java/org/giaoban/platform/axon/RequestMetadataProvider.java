package org.giaoban.platform.axon;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.giaoban.platform.web.RequestMetadata;

/**
 * What every event records of its origin: the message that caused it ({@code causationId}), the piece of work it
 * belongs to ({@code correlationId}, which stays the same along a whole chain of messages) and the HTTP request that
 * started it ({@code requestId}).
 */
public class RequestMetadataProvider implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        data.put(RequestMetadata.CAUSATION_ID, message.getIdentifier());
        data.put(
                RequestMetadata.CORRELATION_ID,
                message.getMetaData().getOrDefault(RequestMetadata.CORRELATION_ID, message.getIdentifier()));
        Object requestId = message.getMetaData().get(RequestMetadata.REQUEST_ID);
        if (requestId != null) {
            data.put(RequestMetadata.REQUEST_ID, requestId);
        }
        return data;
    }
}
