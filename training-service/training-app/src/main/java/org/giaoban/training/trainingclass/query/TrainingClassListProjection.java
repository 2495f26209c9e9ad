package org.giaoban.training.trainingclass.query;

import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.giaoban.training.api.enrolment.LearnerWithdrawnEvent;
import org.giaoban.training.api.enrolment.LearnersEnrolledEvent;
import org.giaoban.training.api.trainingclass.ClassStatus;
import org.giaoban.training.api.trainingclass.FindTrainingClassQuery;
import org.giaoban.training.api.trainingclass.FindTrainingClassesQuery;
import org.giaoban.training.api.trainingclass.TrainingClassCancelledEvent;
import org.giaoban.training.api.trainingclass.TrainingClassOpenedEvent;
import org.giaoban.training.api.trainingclass.TrainingClassPageView;
import org.giaoban.training.api.trainingclass.TrainingClassView;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The class list with enrolled counts. Reads {@link TrainingClassOpenedEvent}, {@link TrainingClassCancelledEvent},
 * {@link LearnersEnrolledEvent} and {@link LearnerWithdrawnEvent}; serves {@link FindTrainingClassQuery} and
 * {@link FindTrainingClassesQuery}. Each event applies at most once: counts never drift on redelivery.
 */
@Component
@ProcessingGroup(TrainingClassListProjection.PROCESSING_GROUP)
public class TrainingClassListProjection {

    public static final String PROCESSING_GROUP = "class-list";

    private final TrainingClassListRepository classes;

    public TrainingClassListProjection(TrainingClassListRepository classes) {
        this.classes = classes;
    }

    @EventHandler
    void on(TrainingClassOpenedEvent event, @SequenceNumber long sequence) {
        classes.insertIfAbsent(new TrainingClassListDocument(
                event.classId().toString(),
                event.title(),
                event.organizerUnitId(),
                event.bloc(),
                event.format(),
                event.startsOn(),
                event.endsOn(),
                event.capacity(),
                0,
                ClassStatus.OPEN,
                sequence));
    }

    @EventHandler
    void on(TrainingClassCancelledEvent event, @SequenceNumber long sequence) {
        classes.applyIfNewer(
                event.classId().toString(), sequence, Update.update("status", ClassStatus.CANCELLED.name()));
    }

    @EventHandler
    void on(LearnersEnrolledEvent event, @SequenceNumber long sequence) {
        classes.applyIfNewer(
                event.classId().toString(),
                sequence,
                new Update().inc("enrolled", event.learners().size()));
    }

    @EventHandler
    void on(LearnerWithdrawnEvent event, @SequenceNumber long sequence) {
        classes.applyIfNewer(event.classId().toString(), sequence, new Update().inc("enrolled", -1));
    }

    @ResetHandler
    void onReset() {
        classes.deleteAll();
    }

    @QueryHandler
    Optional<TrainingClassView> handle(FindTrainingClassQuery query) {
        return classes.findById(query.classId().toString()).map(TrainingClassListDocument::toView);
    }

    @QueryHandler
    TrainingClassPageView handle(FindTrainingClassesQuery query) {
        return new TrainingClassPageView(
                classes.find(query).stream()
                        .map(TrainingClassListDocument::toView)
                        .toList(),
                query.page(),
                query.size(),
                classes.count(query));
    }
}
