package org.giaoban.tasks.document.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.giaoban.platform.web.MultilineText;
import org.giaoban.tasks.api.document.DocumentKind;

/** The bodies of the document endpoints, validated before any command is sent. */
final class DocumentRequests {

    private DocumentRequests() {}

    @Schema(name = "IssueDocument", description = "A document a unit issued")
    record Issue(
            @Schema(description = "Its number, unique within the unit", example = "123-KH/BTGTU")
            @NotBlank
            @Size(max = 100)
            String number,

            @Schema(
                    description = "Its title",
                    example = "Kế hoạch tuyên truyền kỷ niệm 92 năm Ngày thành lập Đảng Cộng sản Việt Nam")
            @NotBlank
            @Size(max = 1000)
            String title,

            @Schema(description = "What kind of document it is") @NotNull
            DocumentKind kind,

            @Schema(description = "The unit that issued it", example = "HN") @NotBlank @Size(max = 64)
            String unitId,

            @Schema(description = "The day it was issued, not in the future", example = "2022-03-01") @NotNull
            LocalDate issuedOn,

            @Schema(
                    description = "The work item it carries out, if any",
                    example = "6f1c2d3e-4a5b-4c6d-8e7f-901234567890")
            UUID taskId) {}

    @Schema(name = "RevokeDocument", description = "Why a document is revoked")
    record Revoke(
            @Schema(description = "Why", example = "Văn bản ban hành nhầm số.")
            @MultilineText
            @NotBlank
            @Size(max = 2000)
            String reason) {}
}
