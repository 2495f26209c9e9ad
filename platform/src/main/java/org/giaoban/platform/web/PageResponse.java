package org.giaoban.platform.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A page of a list endpoint, as API.md shapes it. */
@Schema(description = "A page of a list: its items and where it lies in the whole list")
public record PageResponse<T>(
        @Schema(description = "The items of this page") List<T> items,

        @Schema(description = "This page's number, from 0", example = "0")
        int page,

        @Schema(description = "The most items a page holds", example = "50")
        int size,

        @Schema(description = "How many items the whole list has", example = "1234")
        long total) {}
