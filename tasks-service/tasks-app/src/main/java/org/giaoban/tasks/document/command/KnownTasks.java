package org.giaoban.tasks.document.command;

import java.util.UUID;

/** Whether a work item exists, for a document that names the item it serves. */
public interface KnownTasks {

    boolean exists(UUID taskId);
}
