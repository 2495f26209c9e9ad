package org.giaoban.platform.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/** The answer to a write: the id of the record created or changed. */
@Schema(description = "The id of the record created or changed")
public record IdResponse(
        @Schema(description = "The record's id, made by the server", example = "6f1c2d3e-4a5b-4c6d-8e7f-901234567890")
        UUID id) {}
