package org.giaoban.training.trainingclass.query;

import java.time.LocalDate;
import java.util.UUID;
import org.giaoban.training.api.trainingclass.Bloc;
import org.giaoban.training.api.trainingclass.ClassFormat;
import org.giaoban.training.api.trainingclass.ClassStatus;
import org.giaoban.training.api.trainingclass.TrainingClassView;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One class as the list and detail endpoints show it, with its number of enrolled learners. {@code version} is the
 * sequence number of the last event applied: an event at or below it was applied already.
 */
@Document(TrainingClassListDocument.COLLECTION)
public record TrainingClassListDocument(
        @Id String classId,
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

    public static final String COLLECTION = "class_list";

    TrainingClassView toView() {
        return new TrainingClassView(
                UUID.fromString(classId),
                title,
                organizerUnitId,
                bloc,
                format,
                startsOn,
                endsOn,
                capacity,
                enrolled,
                status,
                version);
    }
}
