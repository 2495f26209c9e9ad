package org.giaoban.training.trainingclass.query;

import jakarta.annotation.PostConstruct;
import java.util.List;
import org.giaoban.platform.mongo.VersionedRepository;
import org.giaoban.training.api.trainingclass.FindTrainingClassesQuery;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** The {@code class_list} collection, written by the versioned rule of every read model, and its list filters. */
@Repository
public class TrainingClassListRepository extends VersionedRepository<TrainingClassListDocument> {

    public TrainingClassListRepository(MongoTemplate mongo) {
        super(mongo, TrainingClassListDocument.class);
    }

    /** Real MongoDB uses this for the list filters; the embedded server ignores non-unique indexes and scans. */
    @PostConstruct
    void createIndexes() {
        mongo().indexOps(TrainingClassListDocument.class)
                .createIndex(new Index("organizerUnitId", Sort.Direction.ASC).on("startsOn", Sort.Direction.ASC));
    }

    List<TrainingClassListDocument> find(FindTrainingClassesQuery filter) {
        Query page = filtered(filter)
                .with(Sort.by("startsOn", "_id"))
                .skip((long) filter.page() * filter.size())
                .limit(filter.size());
        return mongo().find(page, TrainingClassListDocument.class);
    }

    long count(FindTrainingClassesQuery filter) {
        return mongo().count(filtered(filter), TrainingClassListDocument.class);
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
