package org.giaoban.reporting.briefing.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The facts of one generation of a read model in MongoDB: one collection of facts keyed by {@code _id}, and one for
 * the index of record ids. The live read model follows its active generation through {@code collection}; a rebuild
 * writes to a new one.
 */
public final class MongoBriefingFacts implements BriefingFacts {

    private final MongoTemplate mongo;
    private final Supplier<String> collection;

    public MongoBriefingFacts(MongoTemplate mongo, Supplier<String> collection) {
        this.mongo = mongo;
        this.collection = collection;
    }

    public static String indexCollectionOf(String collection) {
        return collection + "-index";
    }

    @Override
    public <T extends Facts> Optional<T> find(String factsId, Class<T> type) {
        return Optional.ofNullable(mongo.findById(factsId, type, collection.get()));
    }

    @Override
    public <T extends Facts> List<T> findAll(Collection<String> factsIds, Class<T> type) {
        return mongo.find(Query.query(Criteria.where("_id").in(factsIds)), type, collection.get());
    }

    @Override
    public void save(Facts facts) {
        mongo.save(facts, collection.get());
    }

    @Override
    public Optional<String> factsIdOf(String recordId) {
        return Optional.ofNullable(mongo.findById(recordId, IndexEntry.class, indexCollectionOf(collection.get())))
                .map(IndexEntry::factsId);
    }

    @Override
    public void index(String recordId, String factsId) {
        mongo.save(new IndexEntry(recordId, factsId), indexCollectionOf(collection.get()));
    }

    /** Writes what a fold produced into this (empty) generation in a few bulk inserts. */
    public void insertAll(Collection<Facts> facts, Map<String, String> index) {
        String target = collection.get();
        insertInChunks(facts, target);
        List<IndexEntry> entries = new ArrayList<>(index.size());
        index.forEach((recordId, factsId) -> entries.add(new IndexEntry(recordId, factsId)));
        insertInChunks(entries, indexCollectionOf(target));
    }

    private void insertInChunks(Collection<?> documents, String target) {
        List<Object> chunk = new ArrayList<>();
        for (Object document : documents) {
            chunk.add(document);
            if (chunk.size() == 500) {
                mongo.insert(chunk, target);
                chunk.clear();
            }
        }
        if (!chunk.isEmpty()) {
            mongo.insert(chunk, target);
        }
    }

    /** Drops both collections of this generation, if they exist. */
    public void drop() {
        String target = collection.get();
        for (String name : List.of(target, indexCollectionOf(target))) {
            if (mongo.collectionExists(name)) {
                mongo.dropCollection(name);
            }
        }
    }

    /** Which facts hold a record. */
    record IndexEntry(String id, String factsId) {}
}
