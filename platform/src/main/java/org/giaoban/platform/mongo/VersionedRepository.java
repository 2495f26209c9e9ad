package org.giaoban.platform.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A read-model collection that an event delivered twice leaves as it was: the one way the services' projections write
 * to MongoDB. Each document is keyed by {@code _id} and carries a version, the sequence number of the last event
 * applied to it (or, for events of no aggregate, their global position). The first event of a record inserts its
 * document, and a duplicate key means it was applied already; a later event applies only where the stored version is
 * below its own, and sets it. The token and the read model are two writes, not one transaction, so every event may
 * come again after a crash. A subclass adds its queries and the indexes they need, and writes nothing itself.
 *
 * @param <T> the mapped type of the collection's documents
 */
public abstract class VersionedRepository<T> {

    public static final String VERSION = "version";

    private final MongoTemplate mongo;
    private final Class<T> type;
    private final String versionField;

    /** A collection whose documents keep the last event's sequence number in {@value #VERSION}. */
    protected VersionedRepository(MongoTemplate mongo, Class<T> type) {
        this(mongo, type, VERSION);
    }

    /** A collection whose documents keep the last event's version in {@code versionField}. */
    protected VersionedRepository(MongoTemplate mongo, Class<T> type, String versionField) {
        this.mongo = mongo;
        this.type = type;
        this.versionField = versionField;
    }

    /** Inserts the first state of a record; a redelivered first event finds it there and changes nothing. */
    public void insertIfAbsent(T document) {
        try {
            mongo.insert(document);
        } catch (DuplicateKeyException alreadyApplied) {
            // The same event, delivered again after a restart.
        }
    }

    /** Applies the change made by the event at {@code version}, unless that event or a later one was applied already. */
    public void applyIfNewer(String id, long version, Update change) {
        mongo.updateFirst(olderThan(id, version), change.set(versionField, version), type);
    }

    /**
     * Replaces the record's document by its state after the event at {@code version}, which the document carries,
     * unless that event or a later one was applied already.
     */
    public void replaceIfNewer(String id, long version, T document) {
        mongo.replace(olderThan(id, version), document);
    }

    public Optional<T> findById(String id) {
        return Optional.ofNullable(mongo.findById(id, type));
    }

    /** Empties the collection, for a replay of the whole history. */
    public void deleteAll() {
        mongo.remove(new Query(), type);
    }

    /** For the subclass's queries and indexes. */
    protected MongoTemplate mongo() {
        return mongo;
    }

    private Query olderThan(String id, long version) {
        return query(where("_id").is(id).and(versionField).lt(version));
    }
}
