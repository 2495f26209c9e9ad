package org.giaoban.reporting.briefing.query;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Facts folded in memory from a stretch of history: for a report "as recorded at" an instant, and for a rebuild
 * before its result is written to MongoDB at once. Not shared between threads.
 */
public final class InMemoryBriefingFacts implements BriefingFacts {

    private final Map<String, Facts> facts = new HashMap<>();
    private final Map<String, String> index = new HashMap<>();

    @Override
    public <T extends Facts> Optional<T> find(String factsId, Class<T> type) {
        return Optional.ofNullable(facts.get(factsId)).filter(type::isInstance).map(type::cast);
    }

    @Override
    public <T extends Facts> List<T> findAll(Collection<String> factsIds, Class<T> type) {
        return factsIds.stream()
                .map(facts::get)
                .filter(Objects::nonNull)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    @Override
    public void save(Facts newFacts) {
        facts.put(newFacts.id(), newFacts);
    }

    @Override
    public Optional<String> factsIdOf(String recordId) {
        return Optional.ofNullable(index.get(recordId));
    }

    @Override
    public void index(String recordId, String factsId) {
        index.put(recordId, factsId);
    }

    public Collection<Facts> allFacts() {
        return facts.values();
    }

    public Map<String, String> allIndexEntries() {
        return index;
    }
}
