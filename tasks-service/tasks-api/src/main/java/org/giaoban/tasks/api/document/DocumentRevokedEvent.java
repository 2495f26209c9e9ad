package org.giaoban.tasks.api.document;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** An issued document was revoked; it no longer counts as issued. */
@Revision("1")
public record DocumentRevokedEvent(UUID documentId, String reason) {}
