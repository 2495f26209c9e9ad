package org.giaoban.training.plan.query;

import org.giaoban.platform.mongo.VersionedRepository;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code training_plan} collection. A recorded plan replaces the whole document, and only when it is newer than
 * the one there, so that applying an event twice changes nothing.
 */
@Repository
public class TrainingPlanRepository extends VersionedRepository<TrainingPlanDocument> {

    public TrainingPlanRepository(MongoTemplate mongo) {
        super(mongo, TrainingPlanDocument.class);
    }
}
