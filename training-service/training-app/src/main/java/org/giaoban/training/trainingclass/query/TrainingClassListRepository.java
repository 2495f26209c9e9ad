package org.giaoban.training.trainingclass.query;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import jakarta.annotation.PostConstruct;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.giaoban.training.api.trainingclass.FindTrainingClassesQuery;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** The {@code class_list} collection; writes are conditional on the version, lookups go by {@code _id}. */
@Repository
public class TrainingClassListRepository {

    private final MongoTemplate mongo;

    public TrainingClassListRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Real MongoDB uses this for the list filters; the embedded server ignores non-unique indexes and scans. */
    @PostConstruct
    void createIndexes() {
        mongo.indexOps(TrainingClassListDocument.class)
                .createIndex(new Index("organizerUnitId", Sort.Direction.ASC).on("startsOn", Sort.Direction.ASC));
    }

    void insertIfAbsent(TrainingClassListDocument document) {
        try {
            mongo.insert(document);
        } catch (DuplicateKeyException alreadyApplied) {
            // The same event, delivered again after a restart.
        }
    }

    void applyIfNewer(UUID classId, long sequence, Update change) {
        mongo.updateFirst(
                query(where("_id").is(classId.toString()).and("version").lt(sequence)),
                change.set("version", sequence),
                TrainingClassListDocument.class);
    }

    Optional<TrainingClassListDocument> find(UUID classId) {
        return Optional.ofNullable(mongo.findById(classId.toString(), TrainingClassListDocument.class));
    }

    List<TrainingClassListDocument> find(FindTrainingClassesQuery filter) {
        Query page = filtered(filter)
                .with(Sort.by("startsOn", "_id"))
                .skip((long) filter.page() * filter.size())
                .limit(filter.size());
        return mongo.find(page, TrainingClassListDocument.class);
    }

    long count(FindTrainingClassesQuery filter) {
        return mongo.count(filtered(filter), TrainingClassListDocument.class);
    }

    void deleteAll() {
        mongo.remove(new Query(), TrainingClassListDocument.class);
    }

    private static Query filtered(FindTrainingClassesQuery filter) {
        Criteria criteria = new Criteria();
        if (filter.organizerUnitIds() != null) {
            criteria.and("organizerUnitId").in(filter.organizerUnitIds());
        }
        if (filter.bloc() != null) {
            criteria.and("bloc").is(filter.bloc().name());
        }
        if (filter.startsFrom() != null || filter.startsTo() != null) {
            Criteria starts = criteria.and("startsOn");
            if (filter.startsFrom() != null) {
                starts.gte(filter.startsFrom().toString());
            }
            if (filter.startsTo() != null) {
                starts.lte(filter.startsTo().toString());
            }
        }
        return new Query(criteria);
    }
}
