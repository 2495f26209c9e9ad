package org.giaoban.training.trainingclass.command;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.giaoban.training.api.enrolment.Learner;

/**
 * Who is enrolled in each class, kept outside the aggregate so that a class of thousands of learners loads as fast as
 * an empty one. Written in the transaction of the enrolment events: a command that fails leaves no row behind.
 */
public interface ClassRosters {

    /** Which of {@code learnerIds} are enrolled in the class already. */
    Set<String> alreadyEnrolled(UUID classId, Collection<String> learnerIds);

    void enrol(UUID classId, List<Learner> learners);

    /** Removes the learner from the class; answers the unit they were enrolled for, or empty if they were not. */
    Optional<String> withdraw(UUID classId, String learnerId);
}
