package org.giaoban.tasks.document.command;

import java.util.UUID;

/**
 * The set-based rule that a document number is used once within its unit. A claim is written in the same database
 * transaction as the document's first event, so of two concurrent issues of one number exactly one commits.
 */
public interface DocumentNumbers {

    /** Claims {@code number} within {@code unitId} for the document; false when another document holds it. */
    boolean claim(String unitId, String number, UUID documentId);
}
