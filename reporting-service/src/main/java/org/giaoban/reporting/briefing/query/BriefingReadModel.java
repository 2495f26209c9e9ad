package org.giaoban.reporting.briefing.query;

import java.util.function.Function;
import org.giaoban.reporting.projection.ReadModelProjection;
import org.giaoban.reporting.source.ServiceEventSource;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A part of the briefing read model as the rebuilds see it: a generation is a collection of facts and its index, and
 * the projection is made by {@code projectionOn} over the facts it should write to.
 */
record BriefingReadModel(
        String name, ServiceEventSource source, MongoTemplate mongo, Function<BriefingFacts, Object> projectionOn)
        implements ReadModelProjection {

    @Override
    public void drop(String generation) {
        factsOf(generation).drop();
    }

    @Override
    public InMemoryFold foldInMemory() {
        InMemoryBriefingFacts folded = new InMemoryBriefingFacts();
        Object projection = projectionOn.apply(folded);
        return new InMemoryFold() {
            @Override
            public Object projection() {
                return projection;
            }

            @Override
            public void writeTo(String generation) {
                factsOf(generation).insertAll(folded.allFacts(), folded.allIndexEntries());
            }
        };
    }

    @Override
    public Object projectionWritingTo(String generation) {
        return projectionOn.apply(factsOf(generation));
    }

    private MongoBriefingFacts factsOf(String generation) {
        return MongoBriefingFacts.of(mongo, () -> generation);
    }
}
