package org.giaoban.reporting.projection;

import org.giaoban.reporting.source.ServiceEventSource;

/**
 * A read model of reporting-service that can be rebuilt: the processor (and processing group) {@link #name()} that
 * builds it from the events of {@link #source()}, and how its projection fills one of its generations outside that
 * processor. A generation is named by its collection ({@link ReadModelGenerations#collectionOf}); a read model may
 * keep more than one collection under that name.
 */
public interface ReadModelProjection {

    String name();

    ServiceEventSource source();

    /** Drops what the generation holds, if anything. */
    void drop(String generation);

    /** A projection that folds events into memory, so that the result is written to a generation at once. */
    InMemoryFold foldInMemory();

    /** A projection that writes each event's changes straight to the generation. */
    Object projectionWritingTo(String generation);

    /** A projection folding events into memory, and the writing of what it folded. */
    interface InMemoryFold {

        /** The object whose event handlers the events are applied to. */
        Object projection();

        /** Writes what the projection folded into the generation, which is empty, in bulk. */
        void writeTo(String generation);
    }
}
