package org.giaoban.training.api.enrolment;

import java.util.List;

/**
 * What became of a list of learners: how many were enrolled, how many were enrolled already, and the rows refused
 * with their reason.
 */
public record EnrolmentOutcome(int accepted, int duplicates, List<RefusedLearner> rejected) {

    /**
     * One refused row: its position in the list (from 0), the learner it named, a short stable {@code code} (such as
     * {@code unknown-unit} or {@code class-full}) and the reason in words.
     */
    public record RefusedLearner(int index, String learnerId, String code, String reason) {}
}
