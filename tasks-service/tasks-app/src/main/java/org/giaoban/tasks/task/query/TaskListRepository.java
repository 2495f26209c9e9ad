package org.giaoban.tasks.task.query;

import jakarta.annotation.PostConstruct;
import java.util.List;
import org.giaoban.platform.mongo.VersionedRepository;
import org.giaoban.tasks.api.task.FindTasksQuery;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** The {@code task_list} collection, written by the versioned rule of every read model, and its list filters. */
@Repository
public class TaskListRepository extends VersionedRepository<TaskListDocument> {

    public TaskListRepository(MongoTemplate mongo) {
        super(mongo, TaskListDocument.class);
    }

    /** Real MongoDB uses these for the list filters; the embedded server ignores non-unique indexes and scans. */
    @PostConstruct
    void createIndexes() {
        mongo().indexOps(TaskListDocument.class)
                .createIndex(new Index("unitId", Sort.Direction.ASC).on("dueOn", Sort.Direction.ASC));
        mongo().indexOps(TaskListDocument.class).createIndex(new Index("dueOn", Sort.Direction.ASC));
    }

    List<TaskListDocument> find(FindTasksQuery filter) {
        Query page = filtered(filter)
                .with(Sort.by("dueOn", "_id"))
                .skip((long) filter.page() * filter.size())
                .limit(filter.size());
        return mongo().find(page, TaskListDocument.class);
    }

    long count(FindTasksQuery filter) {
        return mongo().count(filtered(filter), TaskListDocument.class);
    }

    private static Query filtered(FindTasksQuery filter) {
        Criteria criteria = new Criteria();
        if (filter.programme() != null) {
            criteria.and("programme").is(filter.programme());
        }
        if (filter.unitIds() != null) {
            criteria.and("unitId").in(filter.unitIds());
        }
        if (filter.status() != null) {
            criteria.and("status").is(filter.status().name());
        }
        if (filter.dueFrom() != null || filter.dueTo() != null) {
            Criteria due = criteria.and("dueOn");
            if (filter.dueFrom() != null) {
                due.gte(filter.dueFrom().toString());
            }
            if (filter.dueTo() != null) {
                due.lte(filter.dueTo().toString());
            }
        }
        return new Query(criteria);
    }
}
