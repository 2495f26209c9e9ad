package org.giaoban.tasks.api.document;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A unit issued a direction document; {@code taskId} is the work item it serves, or null. */
@Revision("1")
public record DocumentIssuedEvent(
        UUID documentId,
        String number,
        String title,
        DocumentKind kind,
        String unitId,
        LocalDate issuedOn,
        UUID taskId) {}
