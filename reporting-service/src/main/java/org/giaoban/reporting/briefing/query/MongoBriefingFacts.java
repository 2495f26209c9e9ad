package org.giaoban.reporting.briefing.query;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The facts of one generation of a read model in MongoDB: one collection of facts keyed by {@code _id}, and one for
 * the index of record ids. The live read model follows its active generation through {@code collection}; a rebuild
 * writes to a new one.
 *
 * <p>The instance a projection writes through ({@link #forProjection}) keeps what it read and wrote, so that an event
 * costs no read. Within a batch of events ({@link #beginBatch} to {@link #flush}) it only collects what changed, and
 * writes each changed document once at the end, before the processor stores its token: a burst of events on one unit
 * is one write, not hundreds. Each facts document carries a revision; a write applies only to the revision last seen,
 * so if another instance wrote in between (after taking the processor's segment over), the write fails, what was kept
 * is dropped, and the batch is handled again from what is stored. Record ids never move to other facts, so their
 * index is kept without such a check.
 */
public final class MongoBriefingFacts implements BriefingFacts {

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    private static final String FACTS_ID = "factsId";
    private static final String REVISION = "revision";
    private static final int INDEX_ENTRIES_KEPT = 100_000;

    private final MongoTemplate mongo;
    private final Supplier<String> collection;
    private final boolean keepsWhatItWrites;
    private final Map<String, Kept> kept = new HashMap<>();
    private final Map<String, String> keptIndex = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > INDEX_ENTRIES_KEPT;
        }
    };
    private final Map<String, Facts> changed = new LinkedHashMap<>();
    private final Map<String, String> indexed = new LinkedHashMap<>();
    private boolean inBatch;
    private String keptFor;

    private MongoBriefingFacts(MongoTemplate mongo, Supplier<String> collection, boolean keepsWhatItWrites) {
        this.mongo = mongo;
        this.collection = collection;
        this.keepsWhatItWrites = keepsWhatItWrites;
    }

    /** Reads (and writes, for a rebuild) straight through to the database. */
    public static MongoBriefingFacts of(MongoTemplate mongo, Supplier<String> collection) {
        return new MongoBriefingFacts(mongo, collection, false);
    }

    /** For the one thread of a projection's processor: keeps what it reads and writes, checked by revision. */
    public static MongoBriefingFacts forProjection(MongoTemplate mongo, Supplier<String> collection) {
        return new MongoBriefingFacts(mongo, collection, true);
    }

    public static String indexCollectionOf(String collection) {
        return collection + "-index";
    }

    private MongoCollection<Document> facts() {
        return mongo.getCollection(currentCollection());
    }

    private MongoCollection<Document> index() {
        return mongo.getCollection(indexCollectionOf(currentCollection()));
    }

    /** The active collection; what was kept for another generation is dropped. */
    private String currentCollection() {
        String current = collection.get();
        if (keepsWhatItWrites && !current.equals(keptFor)) {
            kept.clear();
            keptIndex.clear();
            keptFor = current;
        }
        return current;
    }

    @Override
    public <T extends Facts> Optional<T> find(String factsId, Class<T> type) {
        if (keepsWhatItWrites) {
            MongoCollection<Document> facts = facts();
            Facts pending = changed.get(factsId);
            if (pending != null) {
                return Optional.of(type.cast(pending));
            }
            Kept known = kept.get(factsId);
            if (known == null) {
                Document stored = facts.find(Filters.eq("_id", factsId)).first();
                if (stored == null) {
                    return Optional.empty();
                }
                known = new Kept(FactsCodec.decode(stored, type), revisionOf(stored));
                kept.put(factsId, known);
            }
            return Optional.of(type.cast(known.facts()));
        }
        return Optional.ofNullable(facts().find(Filters.eq("_id", factsId)).first())
                .map(document -> FactsCodec.decode(document, type));
    }

    @Override
    public <T extends Facts> List<T> findAll(Collection<String> factsIds, Class<T> type) {
        List<T> found = new ArrayList<>(factsIds.size());
        facts().find(Filters.in("_id", factsIds)).forEach(document -> found.add(FactsCodec.decode(document, type)));
        return found;
    }

    @Override
    public void save(Facts facts) {
        MongoCollection<Document> target = facts();
        if (!keepsWhatItWrites) {
            target.replaceOne(
                    Filters.eq("_id", facts.id()), FactsCodec.encode(facts).append(REVISION, 0L), UPSERT);
            return;
        }
        if (inBatch) {
            changed.put(facts.id(), facts);
            return;
        }
        write(target, facts);
    }

    private void write(MongoCollection<Document> target, Facts facts) {
        Kept known = kept.get(facts.id());
        long revision = known == null ? 0 : known.revision() + 1;
        Document document = FactsCodec.encode(facts).append(REVISION, revision);
        try {
            if (known == null) {
                target.insertOne(document);
            } else if (target.replaceOne(
                                    Filters.and(Filters.eq("_id", facts.id()), Filters.eq(REVISION, known.revision())),
                                    document)
                            .getMatchedCount()
                    == 0) {
                throw new ConcurrentFactsWrite(facts.id());
            }
        } catch (MongoWriteException duplicate) {
            kept.remove(facts.id());
            throw new ConcurrentFactsWrite(facts.id());
        } catch (ConcurrentFactsWrite conflict) {
            kept.remove(facts.id());
            throw conflict;
        }
        kept.put(facts.id(), new Kept(facts, revision));
    }

    @Override
    public Optional<String> factsIdOf(String recordId) {
        MongoCollection<Document> index = index();
        if (keepsWhatItWrites && indexed.containsKey(recordId)) {
            return Optional.of(indexed.get(recordId));
        }
        if (keepsWhatItWrites && keptIndex.containsKey(recordId)) {
            return Optional.of(keptIndex.get(recordId));
        }
        Optional<String> factsId = Optional.ofNullable(
                        index.find(Filters.eq("_id", recordId)).first())
                .map(entry -> entry.getString(FACTS_ID));
        if (keepsWhatItWrites) {
            factsId.ifPresent(id -> keptIndex.put(recordId, id));
        }
        return factsId;
    }

    @Override
    public void index(String recordId, String factsId) {
        MongoCollection<Document> index = index();
        if (keepsWhatItWrites && factsId.equals(keptIndex.get(recordId))) {
            return;
        }
        if (inBatch) {
            indexed.put(recordId, factsId);
            return;
        }
        index.replaceOne(Filters.eq("_id", recordId), new Document(FACTS_ID, factsId), UPSERT);
        if (keepsWhatItWrites) {
            keptIndex.put(recordId, factsId);
        }
    }

    /** From now until {@link #flush}, changes are collected rather than written. */
    public void beginBatch() {
        inBatch = true;
    }

    /** Writes what changed since {@link #beginBatch}: the index entries, then each changed document once. */
    public void flush() {
        inBatch = false;
        try {
            if (!indexed.isEmpty()) {
                List<ReplaceOneModel<Document>> entries = new ArrayList<>(indexed.size());
                indexed.forEach((recordId, factsId) -> entries.add(
                        new ReplaceOneModel<>(Filters.eq("_id", recordId), new Document(FACTS_ID, factsId), UPSERT)));
                index().bulkWrite(entries);
                keptIndex.putAll(indexed);
            }
            MongoCollection<Document> target = facts();
            for (Facts facts : changed.values()) {
                write(target, facts);
            }
        } finally {
            changed.clear();
            indexed.clear();
        }
    }

    /** Forgets what the batch changed, and what was kept, after the batch failed: it is read again from the store. */
    public void discardBatch() {
        inBatch = false;
        changed.clear();
        indexed.clear();
        kept.clear();
    }

    /** Writes what a fold produced into this (empty) generation in a few bulk inserts. */
    public void insertAll(Collection<Facts> allFacts, Map<String, String> allIndexEntries) {
        insertInChunks(
                allFacts.stream()
                        .map(facts -> FactsCodec.encode(facts).append(REVISION, 0L))
                        .toList(),
                facts());
        List<Document> entries = new ArrayList<>(allIndexEntries.size());
        allIndexEntries.forEach(
                (recordId, factsId) -> entries.add(new Document("_id", recordId).append(FACTS_ID, factsId)));
        insertInChunks(entries, index());
    }

    private static void insertInChunks(List<Document> documents, MongoCollection<Document> target) {
        for (int from = 0; from < documents.size(); from += 500) {
            target.insertMany(documents.subList(from, Math.min(documents.size(), from + 500)));
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

    private static long revisionOf(Document stored) {
        Object revision = stored.get(REVISION);
        return revision == null ? 0 : ((Number) revision).longValue();
    }

    /** Facts as this instance last read or wrote them, with their revision in the database. */
    private record Kept(Facts facts, long revision) {}

    /** Another writer changed these facts since this instance read them: the batch is to be handled again. */
    static final class ConcurrentFactsWrite extends RuntimeException {

        ConcurrentFactsWrite(String factsId) {
            super("The briefing facts " + factsId + " were written by another instance; handling the batch again");
        }
    }
}
