package org.giaoban.training.api.trainingclass;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A training class was cancelled. */
@Revision("1")
public record TrainingClassCancelledEvent(UUID classId, String reason) {}
