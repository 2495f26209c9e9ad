package org.giaoban.tasks.api.document;

/** What a direction document is. */
public enum DocumentKind {
    RESOLUTION,
    DIRECTIVE,
    PLAN,
    GUIDANCE,
    REPORT,
    OTHER
}
