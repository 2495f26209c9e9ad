package org.giaoban.training.api.trainingclass;

import java.time.LocalDate;
import java.util.UUID;

/** A class as it stands, with the number of learners enrolled and not withdrawn. */
public record TrainingClassView(
        UUID classId,
        String title,
        String organizerUnitId,
        Bloc bloc,
        ClassFormat format,
        LocalDate startsOn,
        LocalDate endsOn,
        Integer capacity,
        long enrolled,
        ClassStatus status,
        long version) {}
