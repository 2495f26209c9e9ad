package org.giaoban.training.api.enrolment;

import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** Learners were enrolled in a class: one learner-turn each. One request's accepted learners make one event. */
@Revision("1")
public record LearnersEnrolledEvent(UUID classId, List<Learner> learners) {}
