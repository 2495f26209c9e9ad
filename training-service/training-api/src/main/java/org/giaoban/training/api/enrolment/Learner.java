package org.giaoban.training.api.enrolment;

import io.swagger.v3.oas.annotations.media.Schema;

/** A learner as a class list names them: an id (such as a citizen id number), a full name and their unit. */
@Schema(description = "A learner as a class list names them")
public record Learner(
        @Schema(description = "An id of the person, such as a citizen id number", example = "079301000123")
        String learnerId,

        @Schema(description = "Their full name", example = "Nguyễn Thị Hà")
        String fullName,

        @Schema(description = "Their unit", example = "HN-HOANKIEM")
        String unitId) {}
