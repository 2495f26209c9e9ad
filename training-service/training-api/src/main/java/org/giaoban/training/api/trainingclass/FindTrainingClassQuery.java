package org.giaoban.training.api.trainingclass;

import java.util.UUID;

/** Asks for one class as it stands. Answered with an optional {@link TrainingClassView}. */
public record FindTrainingClassQuery(UUID classId) {}
