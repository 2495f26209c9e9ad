package org.giaoban.training.api.enrolment;

import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Enrols the learners of a list in a class, each at most once. Answered with an {@link EnrolmentOutcome} that names
 * every learner not enrolled and why; the learners accepted are enrolled together or not at all.
 */
public record EnrolLearnersCommand(
        @TargetAggregateIdentifier UUID classId, List<Learner> learners) {}
