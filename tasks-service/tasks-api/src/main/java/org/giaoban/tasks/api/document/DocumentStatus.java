package org.giaoban.tasks.api.document;

/** Whether a document stands or was revoked; a revoked document is not counted as issued. */
public enum DocumentStatus {
    ISSUED,
    REVOKED
}
