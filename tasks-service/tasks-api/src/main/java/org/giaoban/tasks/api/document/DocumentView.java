package org.giaoban.tasks.api.document;

import java.time.LocalDate;
import java.util.UUID;

/** A direction document as it stands; {@code version} is the sequence number of its last event. */
public record DocumentView(
        UUID documentId,
        String number,
        String title,
        DocumentKind kind,
        String unitId,
        LocalDate issuedOn,
        UUID taskId,
        DocumentStatus status,
        long version) {}
