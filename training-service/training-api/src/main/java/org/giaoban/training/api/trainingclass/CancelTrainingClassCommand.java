package org.giaoban.training.api.trainingclass;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Cancels a class, for a stated reason; its learners no longer count. */
public record CancelTrainingClassCommand(
        @TargetAggregateIdentifier UUID classId,
        String reason,
        @TargetAggregateVersion Long expectedVersion) {}
