package org.giaoban.training.enrolment.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.giaoban.training.api.enrolment.Learner;

/** The bodies of the enrolment endpoints. Rows of a list are judged one by one by the class, not here. */
final class EnrolmentRequests {

    private EnrolmentRequests() {}

    @Schema(name = "Enrolment", description = "A learner to enrol")
    record Enrol(
            @Schema(description = "An id of the person, such as a citizen id number", example = "079301000123")
            @NotBlank
            String learnerId,

            @Schema(description = "Their full name", example = "Nguyễn Thị Hà") @NotBlank
            String fullName,

            @Schema(description = "Their unit", example = "HN-HOANKIEM") @NotBlank @Size(max = 64)
            String unitId) {
        Learner toLearner() {
            return new Learner(learnerId, fullName, unitId);
        }
    }

    @Schema(name = "ClassList", description = "Up to 10,000 learners to enrol, each judged on its own")
    record Batch(
            @Schema(description = "The learners, in the order of the class list") @NotNull
            List<Learner> learners) {}

    @Schema(description = "A learner enrolled in a class")
    record Enrolled(
            @Schema(description = "The class", example = "5b7e2c1a-3d4f-4a6b-8c9d-0e1f2a3b4c5d")
            String classId,

            @Schema(description = "The learner", example = "079301000123")
            String learnerId) {}
}
