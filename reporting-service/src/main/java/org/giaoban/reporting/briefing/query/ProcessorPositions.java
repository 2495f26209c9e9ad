package org.giaoban.reporting.briefing.query;

import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;

/** How far the processors of this instance have come, from their own status rather than their stored tokens. */
@Component
public class ProcessorPositions {

    private final EventProcessingConfiguration processing;

    public ProcessorPositions(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /**
     * The position up to which the processor has handled every event: the lowest over its segments. Empty when it is
     * not running here or has handled nothing yet.
     */
    public OptionalLong positionOf(String processorName) {
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
