package org.giaoban.tasks.api.document;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Revokes an issued document, for a stated reason. Its number stays taken. */
public record RevokeDocumentCommand(
        @TargetAggregateIdentifier UUID documentId,
        String reason,
        @TargetAggregateVersion Long expectedVersion) {}
