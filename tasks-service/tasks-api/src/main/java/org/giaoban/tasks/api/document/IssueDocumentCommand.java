package org.giaoban.tasks.api.document;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records a direction document issued by a unit under a number unique within that unit, optionally for a work item
 * ({@code taskId} may be null).
 */
public record IssueDocumentCommand(
        @TargetAggregateIdentifier UUID documentId,
        String number,
        String title,
        DocumentKind kind,
        String unitId,
        LocalDate issuedOn,
        UUID taskId) {}
