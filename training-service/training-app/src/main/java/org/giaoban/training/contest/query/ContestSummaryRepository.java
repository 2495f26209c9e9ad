package org.giaoban.training.contest.query;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The {@code contest_summary} collection. Counters are added to, never set, and only by an event at a global position
 * after the last one applied, so that an event delivered twice is counted once.
 */
@Repository
public class ContestSummaryRepository {

    private final MongoTemplate mongo;

    public ContestSummaryRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Inserts a contest as opened; a redelivered opening finds it there and changes nothing. */
    void insertIfAbsent(ContestSummaryDocument document) {
        try {
            mongo.insert(document);
        } catch (DuplicateKeyException alreadyApplied) {
            // The same event, delivered again after a restart.
        }
    }

    /** Adds to the counters, unless the event at {@code position} or a later one was already applied. */
    void addIfNewer(UUID contestId, long position, long entries, long newParticipants) {
        mongo.updateFirst(
                query(where("_id").is(contestId.toString()).and("lastPosition").lt(position)),
                new Update()
                        .inc("entries", entries)
                        .inc("participants", newParticipants)
                        .set("lastPosition", position),
                ContestSummaryDocument.class);
    }

    Optional<ContestSummaryDocument> find(UUID contestId) {
        return Optional.ofNullable(mongo.findById(contestId.toString(), ContestSummaryDocument.class));
    }

    void deleteAll() {
        mongo.remove(new Query(), ContestSummaryDocument.class);
    }
}
