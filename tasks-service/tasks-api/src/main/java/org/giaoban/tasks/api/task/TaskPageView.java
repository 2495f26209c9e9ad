package org.giaoban.tasks.api.task;

import java.util.List;

/** One page of work items and how many match in all. */
public record TaskPageView(List<TaskView> items, int page, int size, long total) {}
