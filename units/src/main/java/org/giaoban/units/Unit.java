package org.giaoban.units;

import io.swagger.v3.oas.annotations.media.Schema;

/** One unit of the commission's organisation; {@code parentId} is null for the city commission. */
@Schema(description = "A unit of the commission's organisation")
public record Unit(
        @Schema(
                description = "Its id: HN, then for a district or town HN- and its name in capitals without"
                        + " diacritics or spaces",
                example = "HN-HOANKIEM")
        String id,

        @Schema(description = "Its name", example = "Ban Tuyên giáo Quận ủy Hoàn Kiếm")
        String name,

        @Schema(description = "The city commission, a district or town commission, or an agency")
        UnitKind kind,

        @Schema(description = "The unit it is under; null for the city commission", example = "HN")
        String parentId) {}
