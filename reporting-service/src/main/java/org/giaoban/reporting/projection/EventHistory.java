package org.giaoban.reporting.projection;

import java.time.Instant;
import java.util.Iterator;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.giaoban.reporting.source.ServiceEventSource;

/**
 * Folds a stretch of a service's history through a projection without a processor: for reports "as recorded at" an
 * instant and for rebuilds. The projection is the same class the live processor runs, writing elsewhere.
 */
public final class EventHistory {

    private EventHistory() {}

    /** Where a fold stopped: the token of the last event read (null if none) and the last position it applied. */
    public record Folded(TrackingToken lastToken, long lastAppliedPosition) {}

    /**
     * Applies to {@code projection} every event of {@code source} after {@code after} that was recorded at or before
     * {@code recordedAt} (null: every event), reporting the position of each event read to {@code progress}.
     */
    public static Folded fold(
            ServiceEventSource source,
            TrackingToken after,
            Object projection,
            Instant recordedAt,
            LongConsumer progress) {
        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(projection);
        TrackingToken lastToken = after;
        long lastApplied = -1;
        try (Stream<? extends TrackedEventMessage<?>> events = source.readAfter(after)) {
            Iterator<? extends TrackedEventMessage<?>> iterator = events.iterator();
            while (iterator.hasNext()) {
                TrackedEventMessage<?> event = iterator.next();
                lastToken = event.trackingToken();
                long position = lastToken.position().orElse(-1);
                if (recordedAt == null || !event.getTimestamp().isAfter(recordedAt)) {
                    if (handlers.canHandle(event)) {
                        apply(handlers, event);
                    }
                    lastApplied = Math.max(lastApplied, position);
                }
                progress.accept(position);
            }
        }
        return new Folded(lastToken, lastApplied);
    }

    private static void apply(AnnotationEventHandlerAdapter handlers, TrackedEventMessage<?> event) {
        try {
            handlers.handle(event);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot apply event at " + event.trackingToken(), e);
        }
    }
}
