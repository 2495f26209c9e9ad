package org.giaoban.reporting.briefing.query;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.giaoban.reporting.briefing.query.MongoBriefingFacts.ConcurrentFactsWrite;
import org.giaoban.reporting.briefing.query.MongoBriefingFacts.Revised;

/**
 * The facts a projection's processor writes, over {@link MongoBriefingFacts}, for the one thread of that processor. It
 * keeps what it read and wrote, so that an event costs no read. Within a batch of events ({@link #beginBatch} to
 * {@link #flush}) it only collects what changed, and writes each changed document once at the end, before the
 * processor stores its token: a burst of events on one unit is one write, not hundreds.
 *
 * <p>A write applies only to the revision last seen, so if another instance wrote in between (after taking the
 * processor's segment over), the write fails, what was kept is dropped, and the batch is handled again from what is
 * stored. When another generation becomes active, what was kept for the one before is dropped.
 */
public final class BatchingBriefingFacts implements BriefingFacts {

    private static final int INDEX_ENTRIES_KEPT = 100_000;

    private final MongoBriefingFacts store;
    /** Facts as this instance last read or wrote them, with their revision in the database. */
    private final Map<String, Revised<?>> kept = new HashMap<>();

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

    public BatchingBriefingFacts(MongoBriefingFacts store) {
        this.store = store;
    }

    /** Drops what was kept for a generation that no longer answers. */
    private void followTheActiveGeneration() {
        String current = store.collection();
        if (!current.equals(keptFor)) {
            kept.clear();
            keptIndex.clear();
            keptFor = current;
        }
    }

    @Override
    public <T extends Facts> Optional<T> find(String factsId, Class<T> type) {
        followTheActiveGeneration();
        Facts pending = changed.get(factsId);
        if (pending != null) {
            return Optional.of(type.cast(pending));
        }
        Revised<?> known = kept.get(factsId);
        if (known == null) {
            known = store.findRevised(factsId, type).orElse(null);
            if (known == null) {
                return Optional.empty();
            }
            kept.put(factsId, known);
        }
        return Optional.of(type.cast(known.facts()));
    }

    @Override
    public <T extends Facts> List<T> findAll(Collection<String> factsIds, Class<T> type) {
        return store.findAll(factsIds, type);
    }

    @Override
    public void save(Facts facts) {
        followTheActiveGeneration();
        if (inBatch) {
            changed.put(facts.id(), facts);
        } else {
            write(facts);
        }
    }

    private void write(Facts facts) {
        Revised<?> known = kept.get(facts.id());
        long revision;
        try {
            revision = store.write(facts, known == null ? null : known.revision());
        } catch (ConcurrentFactsWrite conflict) {
            kept.remove(facts.id());
            throw conflict;
        }
        kept.put(facts.id(), new Revised<>(facts, revision));
    }

    @Override
    public Optional<String> factsIdOf(String recordId) {
        followTheActiveGeneration();
        String factsId = indexed.containsKey(recordId) ? indexed.get(recordId) : keptIndex.get(recordId);
        if (factsId != null) {
            return Optional.of(factsId);
        }
        Optional<String> stored = store.factsIdOf(recordId);
        stored.ifPresent(id -> keptIndex.put(recordId, id));
        return stored;
    }

    @Override
    public void index(String recordId, String factsId) {
        followTheActiveGeneration();
        if (factsId.equals(keptIndex.get(recordId))) {
            return;
        }
        if (inBatch) {
            indexed.put(recordId, factsId);
            return;
        }
        store.index(recordId, factsId);
        keptIndex.put(recordId, factsId);
    }

    /** From now until {@link #flush}, changes are collected rather than written. */
    public void beginBatch() {
        inBatch = true;
    }

    /** Writes what changed since {@link #beginBatch}: the index entries, then each changed document once. */
    public void flush() {
        inBatch = false;
        try {
            followTheActiveGeneration();
            store.indexAll(indexed);
            keptIndex.putAll(indexed);
            for (Facts facts : changed.values()) {
                write(facts);
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
}
