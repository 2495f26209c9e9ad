package org.giaoban.tasks.document.web;

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

    record Issue(
            @NotBlank @Size(max = 100) String number,
            @NotBlank @Size(max = 1000) String title,
            @NotNull DocumentKind kind,
            @NotBlank @Size(max = 64) String unitId,
            @NotNull LocalDate issuedOn,
            UUID taskId) {}

    record Revoke(@MultilineText @NotBlank @Size(max = 2000) String reason) {}
}
