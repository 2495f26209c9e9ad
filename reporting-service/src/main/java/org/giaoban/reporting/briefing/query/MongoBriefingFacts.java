package org.giaoban.reporting.briefing.query;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The facts of one generation of a read model in MongoDB, read and written straight through: one collection of facts
 * keyed by {@code _id}, and one for the index of record ids. The live read model follows its active generation through
 * {@code collection}; a rebuild writes to a fixed one.
 *
 * <p>Each facts document carries a revision, for the writer that keeps what it read ({@link BatchingBriefingFacts}):
 * {@link #write} applies only to the revision that writer last saw. {@link #save} overwrites whatever is there, for a
 * writer that owns the generation (a rebuild, before it is active). Record ids never move to other facts, so their
 * index is kept without such a check.
 */
public final class MongoBriefingFacts implements BriefingFacts {

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    private static final String FACTS_ID = "factsId";
    private static final String REVISION = "revision";
    private static final int INSERTS_PER_REQUEST = 500;

    private final MongoTemplate mongo;
    private final Supplier<String> collection;

    private MongoBriefingFacts(MongoTemplate mongo, Supplier<String> collection) {
        this.mongo = mongo;
        this.collection = collection;
    }

    /** The facts in {@code collection}, the generation's name, as it is when each call begins. */
    public static MongoBriefingFacts of(MongoTemplate mongo, Supplier<String> collection) {
        return new MongoBriefingFacts(mongo, collection);
    }

    public static String indexCollectionOf(String collection) {
        return collection + "-index";
    }

    /** The generation the next call reads and writes. */
    String collection() {
        return collection.get();
    }

    private MongoCollection<Document> facts() {
        return mongo.getCollection(collection());
    }

    private MongoCollection<Document> index() {
        return mongo.getCollection(indexCollectionOf(collection()));
    }

    @Override
    public <T extends Facts> Optional<T> find(String factsId, Class<T> type) {
        return findRevised(factsId, type).map(Revised::facts);
    }

    /** The facts with their revision in the database. */
    <T extends Facts> Optional<Revised<T>> findRevised(String factsId, Class<T> type) {
        return Optional.ofNullable(facts().find(Filters.eq("_id", factsId)).first())
                .map(stored -> new Revised<>(FactsCodec.decode(stored, type), revisionOf(stored)));
    }

    @Override
    public <T extends Facts> List<T> findAll(Collection<String> factsIds, Class<T> type) {
        List<T> found = new ArrayList<>(factsIds.size());
        facts().find(Filters.in("_id", factsIds)).forEach(document -> found.add(FactsCodec.decode(document, type)));
        return found;
    }

    @Override
    public void save(Facts facts) {
        facts().replaceOne(Filters.eq("_id", facts.id()), encode(facts, 0), UPSERT);
    }

    /**
     * Writes the facts over the revision last seen ({@code null}: none, they are new) and gives their new revision.
     *
     * @throws ConcurrentFactsWrite if another writer created or changed them since
     */
    long write(Facts facts, Long lastSeen) {
        long revision = lastSeen == null ? 0 : lastSeen + 1;
        Document document = encode(facts, revision);
        try {
            if (lastSeen == null) {
                facts().insertOne(document);
            } else if (facts().replaceOne(
                                    Filters.and(Filters.eq("_id", facts.id()), Filters.eq(REVISION, lastSeen)),
                                    document)
                            .getMatchedCount()
                    == 0) {
                throw new ConcurrentFactsWrite(facts.id());
            }
        } catch (MongoWriteException duplicate) {
            throw new ConcurrentFactsWrite(facts.id());
        }
        return revision;
    }

    @Override
    public Optional<String> factsIdOf(String recordId) {
        return Optional.ofNullable(index().find(Filters.eq("_id", recordId)).first())
                .map(entry -> entry.getString(FACTS_ID));
    }

    @Override
    public void index(String recordId, String factsId) {
        index().replaceOne(Filters.eq("_id", recordId), new Document(FACTS_ID, factsId), UPSERT);
    }

    /** Writes many index entries in one request. */
    void indexAll(Map<String, String> entries) {
        if (entries.isEmpty()) {
            return;
        }
        List<ReplaceOneModel<Document>> writes = new ArrayList<>(entries.size());
        entries.forEach((recordId, factsId) -> writes.add(
                new ReplaceOneModel<>(Filters.eq("_id", recordId), new Document(FACTS_ID, factsId), UPSERT)));
        index().bulkWrite(writes);
    }

    /** Writes what a fold produced into this (empty) generation in a few bulk inserts. */
    public void insertAll(Collection<Facts> allFacts, Map<String, String> allIndexEntries) {
        insertInChunks(allFacts.stream().map(facts -> encode(facts, 0)).toList(), facts());
        List<Document> entries = new ArrayList<>(allIndexEntries.size());
        allIndexEntries.forEach(
                (recordId, factsId) -> entries.add(new Document("_id", recordId).append(FACTS_ID, factsId)));
        insertInChunks(entries, index());
    }

    private static void insertInChunks(List<Document> documents, MongoCollection<Document> target) {
        for (int from = 0; from < documents.size(); from += INSERTS_PER_REQUEST) {
            target.insertMany(documents.subList(from, Math.min(documents.size(), from + INSERTS_PER_REQUEST)));
        }
    }

    /** Drops both collections of this generation, if they exist. */
    public void drop() {
        String target = collection();
        for (String name : List.of(target, indexCollectionOf(target))) {
            if (mongo.collectionExists(name)) {
                mongo.dropCollection(name);
            }
        }
    }

    private static Document encode(Facts facts, long revision) {
        return FactsCodec.encode(facts).append(REVISION, revision);
    }

    private static long revisionOf(Document stored) {
        Object revision = stored.get(REVISION);
        return revision == null ? 0 : ((Number) revision).longValue();
    }

    /** Facts as read, with their revision in the database. */
    record Revised<T extends Facts>(T facts, long revision) {}

    /** Another writer changed these facts since they were read: the batch is to be handled again. */
    static final class ConcurrentFactsWrite extends RuntimeException {

        ConcurrentFactsWrite(String factsId) {
            super("The briefing facts " + factsId + " were written by another instance; handling the batch again");
        }
    }
}
