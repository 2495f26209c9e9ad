package org.giaoban.platform.web;

import java.util.List;

/** A page of a list endpoint, as API.md shapes it. */
public record PageResponse<T>(List<T> items, int page, int size, long total) {}
