package org.giaoban.tasks.api.task;

import java.time.LocalDate;
import java.util.Set;

/**
 * Asks for a page of work items, by due date. Every filter may be null; {@code unitIds} is the set of units to
 * include (a unit and the units under it). Answered with a {@link TaskPageView}.
 */
public record FindTasksQuery(
        String programme,
        Set<String> unitIds,
        TaskStatus status,
        LocalDate dueFrom,
        LocalDate dueTo,
        int page,
        int size) {}
