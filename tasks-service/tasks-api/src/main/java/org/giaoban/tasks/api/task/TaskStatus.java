package org.giaoban.tasks.api.task;

/** Where a work item stands: open until completed; a cancelled item counts nowhere. */
public enum TaskStatus {
    OPEN,
    COMPLETED,
    CANCELLED
}
