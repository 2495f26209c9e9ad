package org.giaoban.tasks.task.query;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import jakarta.annotation.PostConstruct;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.giaoban.tasks.api.task.FindTasksQuery;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The {@code task_list} collection. Every write is conditional on the document's version, so applying an event twice
 * changes nothing; lookups go by {@code _id}.
 */
@Repository
public class TaskListRepository {

    private final MongoTemplate mongo;

    public TaskListRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Real MongoDB uses these for the list filters; the embedded server ignores non-unique indexes and scans. */
    @PostConstruct
    void createIndexes() {
        mongo.indexOps(TaskListDocument.class)
                .createIndex(new Index("unitId", Sort.Direction.ASC).on("dueOn", Sort.Direction.ASC));
        mongo.indexOps(TaskListDocument.class).createIndex(new Index("dueOn", Sort.Direction.ASC));
    }

    /** Inserts the first state of a work item; a redelivered first event finds it there and changes nothing. */
    void insertIfAbsent(TaskListDocument document) {
        try {
            mongo.insert(document);
        } catch (DuplicateKeyException alreadyApplied) {
            // The same event, delivered again after a restart.
        }
    }

    /** Applies a change made by the event at {@code sequence}, unless that event or a later one was already applied. */
    void applyIfNewer(UUID taskId, long sequence, Update change) {
        mongo.updateFirst(
                query(where("_id").is(taskId.toString()).and("version").lt(sequence)),
                change.set("version", sequence),
                TaskListDocument.class);
    }

    Optional<TaskListDocument> find(UUID taskId) {
        return Optional.ofNullable(mongo.findById(taskId.toString(), TaskListDocument.class));
    }

    List<TaskListDocument> find(FindTasksQuery filter) {
        Query page = filtered(filter)
                .with(Sort.by("dueOn", "_id"))
                .skip((long) filter.page() * filter.size())
                .limit(filter.size());
        return mongo.find(page, TaskListDocument.class);
    }

    long count(FindTasksQuery filter) {
        return mongo.count(filtered(filter), TaskListDocument.class);
    }

    void deleteAll() {
        mongo.remove(new Query(), TaskListDocument.class);
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
