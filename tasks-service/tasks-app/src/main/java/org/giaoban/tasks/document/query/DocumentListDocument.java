package org.giaoban.tasks.document.query;

import java.time.LocalDate;
import java.util.UUID;
import org.giaoban.tasks.api.document.DocumentKind;
import org.giaoban.tasks.api.document.DocumentStatus;
import org.giaoban.tasks.api.document.DocumentView;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One direction document as the list and detail endpoints show it; {@code version} makes updates idempotent. */
@Document(DocumentListDocument.COLLECTION)
public record DocumentListDocument(
        @Id String documentId,
        String number,
        String title,
        DocumentKind kind,
        String unitId,
        LocalDate issuedOn,
        String taskId,
        DocumentStatus status,
        long version) {

    public static final String COLLECTION = "document_list";

    DocumentView toView() {
        return new DocumentView(
                UUID.fromString(documentId),
                number,
                title,
                kind,
                unitId,
                issuedOn,
                taskId == null ? null : UUID.fromString(taskId),
                status,
                version);
    }
}
