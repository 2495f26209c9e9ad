package org.giaoban.training.contest.query;

import org.giaoban.platform.mongo.VersionedRepository;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code contest_summary} collection. Counters are added to, never set, and only by an event at a global position
 * after the last one applied ({@code lastPosition}), so that an event delivered twice is counted once.
 */
@Repository
public class ContestSummaryRepository extends VersionedRepository<ContestSummaryDocument> {

    public ContestSummaryRepository(MongoTemplate mongo) {
        super(mongo, ContestSummaryDocument.class, "lastPosition");
    }
}
