package org.giaoban.training.api.enrolment;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * What became of a list of learners: how many were enrolled, how many were enrolled already, and the rows refused
 * with their reason.
 */
@Schema(description = "What became of a list of learners: enrolled, enrolled already, refused row by row")
public record EnrolmentOutcome(
        @Schema(description = "Learners enrolled by this request", example = "9998")
        int accepted,

        @Schema(description = "Learners who were enrolled already (nothing changed for them)", example = "1")
        int duplicates,

        @Schema(description = "The rows refused, each with its reason")
        List<RefusedLearner> rejected) {

    /**
     * One refused row: its position in the list (from 0), the learner it named, a short stable {@code code} (such as
     * {@code unknown-unit} or {@code class-full}) and the reason in words.
     */
    @Schema(description = "One refused row of a list of learners")
    public record RefusedLearner(
            @Schema(description = "Its position in the list, from 0 (the CSV header not counted)", example = "3")
            int index,

            @Schema(description = "The learner it named", example = "079301000124")
            String learnerId,

            @Schema(
                    description =
                            "Why, as a code: unknown-unit, class-full, invalid-full-name," + " invalid-learner-id",
                    example = "unknown-unit")
            String code,

            @Schema(description = "Why, in words", example = "'HN-XX' is not a known unit")
            String reason) {}
}
