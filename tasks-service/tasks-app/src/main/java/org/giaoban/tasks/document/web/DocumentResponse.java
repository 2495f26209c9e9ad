package org.giaoban.tasks.document.web;

import java.time.LocalDate;
import java.util.UUID;
import org.giaoban.tasks.api.document.DocumentKind;
import org.giaoban.tasks.api.document.DocumentStatus;
import org.giaoban.tasks.api.document.DocumentView;

/** A direction document as API.md shows it. */
record DocumentResponse(
        UUID id,
        String number,
        String title,
        DocumentKind kind,
        String unitId,
        LocalDate issuedOn,
        UUID taskId,
        DocumentStatus status,
        long version) {

    static DocumentResponse of(DocumentView document) {
        return new DocumentResponse(
                document.documentId(),
                document.number(),
                document.title(),
                document.kind(),
                document.unitId(),
                document.issuedOn(),
                document.taskId(),
                document.status(),
                document.version());
    }
}
