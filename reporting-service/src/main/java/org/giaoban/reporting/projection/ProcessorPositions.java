package org.giaoban.reporting.projection;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;

/** How far the processors of this instance have come, from their own status rather than their stored tokens. */
@Component
public class ProcessorPositions {

    private final EventProcessingConfiguration processing;
    private final Map<String, Long> lastSeen = new ConcurrentHashMap<>();

    public ProcessorPositions(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /**
     * The position up to which the processor has handled every event: the lowest over its segments. While it is
     * stopped (a rebuild hands over), the last position seen; empty when it has handled nothing yet.
     */
    public OptionalLong positionOf(String processorName) {
        OptionalLong current = currentPositionOf(processorName);
        if (current.isPresent()) {
            lastSeen.put(processorName, current.getAsLong());
            return current;
        }
        Long seen = lastSeen.get(processorName);
        return seen == null ? OptionalLong.empty() : OptionalLong.of(seen);
    }

    private OptionalLong currentPositionOf(String processorName) {
        Collection<EventTrackerStatus> segments = processing
                .eventProcessor(processorName, StreamingEventProcessor.class)
                .map(processor -> processor.processingStatus().values())
                .orElse(List.of());
        if (segments.isEmpty()) {
            return OptionalLong.empty();
        }
        long lowest = Long.MAX_VALUE;
        for (EventTrackerStatus segment : segments) {
            OptionalLong position = segment.getCurrentPosition();
            if (position.isEmpty()) {
                return OptionalLong.empty();
            }
            lowest = Math.min(lowest, position.getAsLong());
        }
        return OptionalLong.of(lowest);
    }

    public boolean isRunning(String processorName) {
        return processing
                .eventProcessor(processorName, StreamingEventProcessor.class)
                .map(StreamingEventProcessor::isRunning)
                .orElse(false);
    }
}
