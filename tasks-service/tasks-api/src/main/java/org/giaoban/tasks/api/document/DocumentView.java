package org.giaoban.tasks.api.document;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.UUID;

/** A direction document as it stands; {@code version} is the sequence number of its last event. */
@Schema(name = "Document", description = "A direction document as it stands")
public record DocumentView(
        @Schema(description = "The document's id", example = "0d3c6a1e-7b2f-4e8a-9c5d-1f2e3a4b5c6d")
        UUID documentId,

        @Schema(description = "Its number, unique within its unit", example = "123-KH/BTGTU")
        String number,

        @Schema(
                description = "Its title",
                example = "Kế hoạch tuyên truyền kỷ niệm 92 năm Ngày thành lập Đảng Cộng sản Việt Nam")
        String title,

        @Schema(description = "What kind of document it is") DocumentKind kind,

        @Schema(description = "The unit that issued it", example = "HN")
        String unitId,

        @Schema(description = "The day it was issued", example = "2022-03-01")
        LocalDate issuedOn,

        @Schema(description = "The work item it carries out, if any", example = "6f1c2d3e-4a5b-4c6d-8e7f-901234567890")
        UUID taskId,

        @Schema(description = "Issued, or revoked") DocumentStatus status,

        @Schema(description = "The version to send in If-Match when changing it", example = "0")
        long version) {}
