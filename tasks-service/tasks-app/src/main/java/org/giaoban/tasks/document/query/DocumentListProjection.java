package org.giaoban.tasks.document.query;

import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.giaoban.tasks.api.document.DocumentIssuedEvent;
import org.giaoban.tasks.api.document.DocumentPageView;
import org.giaoban.tasks.api.document.DocumentRevokedEvent;
import org.giaoban.tasks.api.document.DocumentStatus;
import org.giaoban.tasks.api.document.DocumentView;
import org.giaoban.tasks.api.document.FindDocumentQuery;
import org.giaoban.tasks.api.document.FindDocumentsQuery;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The document list. Reads {@link DocumentIssuedEvent} and {@link DocumentRevokedEvent}; serves
 * {@link FindDocumentQuery} and {@link FindDocumentsQuery}. Each event applies at most once.
 */
@Component
@ProcessingGroup(DocumentListProjection.PROCESSING_GROUP)
public class DocumentListProjection {

    public static final String PROCESSING_GROUP = "document-list";

    private final DocumentListRepository documents;

    public DocumentListProjection(DocumentListRepository documents) {
        this.documents = documents;
    }

    @EventHandler
    void on(DocumentIssuedEvent event, @SequenceNumber long sequence) {
        documents.insertIfAbsent(new DocumentListDocument(
                event.documentId().toString(),
                event.number(),
                event.title(),
                event.kind(),
                event.unitId(),
                event.issuedOn(),
                event.taskId() == null ? null : event.taskId().toString(),
                DocumentStatus.ISSUED,
                sequence));
    }

    @EventHandler
    void on(DocumentRevokedEvent event, @SequenceNumber long sequence) {
        documents.applyIfNewer(
                event.documentId().toString(), sequence, Update.update("status", DocumentStatus.REVOKED.name()));
    }

    @ResetHandler
    void onReset() {
        documents.deleteAll();
    }

    @QueryHandler
    Optional<DocumentView> handle(FindDocumentQuery query) {
        return documents.findById(query.documentId().toString()).map(DocumentListDocument::toView);
    }

    @QueryHandler
    DocumentPageView handle(FindDocumentsQuery query) {
        return new DocumentPageView(
                documents.find(query).stream().map(DocumentListDocument::toView).toList(),
                query.page(),
                query.size(),
                documents.count(query));
    }
}
