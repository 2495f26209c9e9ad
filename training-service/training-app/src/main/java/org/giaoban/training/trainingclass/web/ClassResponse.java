package org.giaoban.training.trainingclass.web;

import java.time.LocalDate;
import java.util.UUID;
import org.giaoban.training.api.trainingclass.Bloc;
import org.giaoban.training.api.trainingclass.ClassFormat;
import org.giaoban.training.api.trainingclass.ClassStatus;
import org.giaoban.training.api.trainingclass.TrainingClassView;

/** A training class as API.md shows it, with {@code enrolled}. */
record ClassResponse(
        UUID id,
        String title,
        String organizerUnitId,
        Bloc bloc,
        ClassFormat format,
        LocalDate startsOn,
        LocalDate endsOn,
        Integer capacity,
        long enrolled,
        ClassStatus status,
        long version) {

    static ClassResponse of(TrainingClassView view) {
        return new ClassResponse(
                view.classId(),
                view.title(),
                view.organizerUnitId(),
                view.bloc(),
                view.format(),
                view.startsOn(),
                view.endsOn(),
                view.capacity(),
                view.enrolled(),
                view.status(),
                view.version());
    }
}
