package org.giaoban.tasks.api.document;

import java.util.List;

/** One page of documents and how many match in all. */
public record DocumentPageView(List<DocumentView> items, int page, int size, long total) {}
