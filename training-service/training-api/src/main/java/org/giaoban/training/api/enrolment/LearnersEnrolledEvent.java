package org.giaoban.training.api.enrolment;

import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * Learners were enrolled in a class: one learner-turn each. One request's accepted learners make one event.
 *
 * <p>Revision 2 is stored with each learner's {@code learnerId} and {@code fullName} sealed with a key of that person
 * ({@code {"keyId", "sealed", "unitId"}}); a reader without the keys reads them as {@code null} and the unit as it is.
 * Revision 1 held them in clear.
 */
@Revision("2")
public record LearnersEnrolledEvent(UUID classId, List<Learner> learners) {}
