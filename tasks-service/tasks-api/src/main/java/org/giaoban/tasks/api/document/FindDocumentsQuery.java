package org.giaoban.tasks.api.document;

import java.time.LocalDate;
import java.util.Set;

/**
 * Asks for a page of documents, by issue date. Every filter may be null; {@code unitIds} is the set of issuing units to
 * include. Answered with a {@link DocumentPageView}.
 */
public record FindDocumentsQuery(
        Set<String> unitIds,
        DocumentKind kind,
        DocumentStatus status,
        LocalDate issuedFrom,
        LocalDate issuedTo,
        int page,
        int size) {}
