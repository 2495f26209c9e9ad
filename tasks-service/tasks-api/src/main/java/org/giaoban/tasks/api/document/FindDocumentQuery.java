package org.giaoban.tasks.api.document;

import java.util.UUID;

/** Asks for one document as it stands. Answered with an optional {@link DocumentView}. */
public record FindDocumentQuery(UUID documentId) {}
