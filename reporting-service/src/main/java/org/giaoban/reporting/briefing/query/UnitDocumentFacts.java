package org.giaoban.reporting.briefing.query;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.giaoban.tasks.api.document.DocumentKind;

/** The documents one unit issued in one year, by document id. */
public record UnitDocumentFacts(String id, String unitId, int year, Map<String, DocumentFact> documents)
        implements Facts {

    public static String idOf(String unitId, int year) {
        return "documents|" + unitId + "|" + year;
    }

    static UnitDocumentFacts empty(String unitId, int year) {
        return new UnitDocumentFacts(idOf(unitId, year), unitId, year, new HashMap<>());
    }

    /** What the counting rules need of a document; {@code version} is the sequence of its last event applied. */
    public record DocumentFact(DocumentKind kind, LocalDate issuedOn, boolean revoked, long version) {}
}
