package org.giaoban.training.enrolment.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.giaoban.training.api.enrolment.Learner;

/** The bodies of the enrolment endpoints. Rows of a list are judged one by one by the class, not here. */
final class EnrolmentRequests {

    private EnrolmentRequests() {}

    record Enrol(
            @NotBlank String learnerId,
            @NotBlank String fullName,
            @NotBlank @Size(max = 64) String unitId) {
        Learner toLearner() {
            return new Learner(learnerId, fullName, unitId);
        }
    }

    record Batch(@NotNull List<Learner> learners) {}

    record Enrolled(String classId, String learnerId) {}
}
