package org.giaoban.reporting.briefing.query;

import java.util.Optional;

/**
 * Where the facts of one generation of the briefing read model are kept: MongoDB for the live read model, memory while
 * a report "as recorded at" or a rebuild folds the history. Besides the facts, an index from a record's id (a work
 * item, a document, a class) to the id of the facts that hold it, for the events that name only the record.
 */
public interface BriefingFacts extends BriefingFactsReader {

    void save(Facts facts);

    Optional<String> factsIdOf(String recordId);

    void index(String recordId, String factsId);
}
