package org.giaoban.training.api.trainingclass;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A unit opened a training class; {@code capacity} is null when the class takes any number of learners. */
@Revision("1")
public record TrainingClassOpenedEvent(
        UUID classId,
        String title,
        String organizerUnitId,
        Bloc bloc,
        ClassFormat format,
        LocalDate startsOn,
        LocalDate endsOn,
        Integer capacity) {}
