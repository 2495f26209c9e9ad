package org.giaoban.training.api.enrolment;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Withdraws a learner from a class; the learner-turn no longer counts and the learner may enrol again. */
public record WithdrawLearnerCommand(
        @TargetAggregateIdentifier UUID classId, String learnerId) {}
