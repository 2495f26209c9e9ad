package org.giaoban.reporting.briefing.query;

import java.util.function.Function;
import org.giaoban.reporting.source.ServiceEventSource;

/**
 * A read model of reporting-service: the processor (and processing group) {@code name} that builds it from the events
 * of {@code source}, and how to make its projection write to given facts, for a fold outside the processor.
 */
public record ReadModelProjection(
        String name, ServiceEventSource source, Function<BriefingFacts, Object> projectionOn) {}
