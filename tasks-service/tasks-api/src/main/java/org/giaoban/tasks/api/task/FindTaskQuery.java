package org.giaoban.tasks.api.task;

import java.util.UUID;

/** Asks for one work item as it stands. Answered with an optional {@link TaskView}. */
public record FindTaskQuery(UUID taskId) {}
