package org.giaoban.training.plan.query;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * The {@code training_plan} collection. A recorded plan replaces the whole document, and only when it is newer than
 * the one there, so that applying an event twice changes nothing.
 */
@Repository
public class TrainingPlanRepository {

    private final MongoTemplate mongo;

    public TrainingPlanRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Inserts the first plan recorded; a redelivered first event finds it there and changes nothing. */
    void insertIfAbsent(TrainingPlanDocument document) {
        try {
            mongo.insert(document);
        } catch (DuplicateKeyException alreadyApplied) {
            // The same event, delivered again after a restart.
        }
    }

    /** Replaces the plan with a later version of it, unless that version or a later one was already applied. */
    void replaceIfNewer(TrainingPlanDocument document) {
        mongo.replace(query(where("_id").is(document.planId()).and("version").lt(document.version())), document);
    }

    Optional<TrainingPlanDocument> find(String planId) {
        return Optional.ofNullable(mongo.findById(planId, TrainingPlanDocument.class));
    }

    void deleteAll() {
        mongo.remove(new Query(), TrainingPlanDocument.class);
    }
}
