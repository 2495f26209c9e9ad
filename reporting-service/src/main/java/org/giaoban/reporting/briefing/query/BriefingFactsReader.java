package org.giaoban.reporting.briefing.query;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Reads briefing facts by id: all a report needs. */
public interface BriefingFactsReader {

    <T extends Facts> Optional<T> find(String factsId, Class<T> type);

    /** The facts with these ids that exist, in no particular order. */
    <T extends Facts> List<T> findAll(Collection<String> factsIds, Class<T> type);
}
