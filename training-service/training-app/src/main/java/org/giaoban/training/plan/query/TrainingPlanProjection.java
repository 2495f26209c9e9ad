package org.giaoban.training.plan.query;

import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.giaoban.training.api.plan.FindTrainingPlanQuery;
import org.giaoban.training.api.plan.PlanLine;
import org.giaoban.training.api.plan.RecordTrainingPlanCommand;
import org.giaoban.training.api.plan.TrainingPlanRecordedEvent;
import org.giaoban.training.api.plan.TrainingPlanView;
import org.springframework.stereotype.Component;

/**
 * Training plans as last recorded. Reads {@link TrainingPlanRecordedEvent}; serves {@link FindTrainingPlanQuery}.
 * Each event applies at most once, whatever the number of deliveries.
 */
@Component
@ProcessingGroup(TrainingPlanProjection.PROCESSING_GROUP)
public class TrainingPlanProjection {

    public static final String PROCESSING_GROUP = "training-plan";

    private final TrainingPlanRepository plans;

    public TrainingPlanProjection(TrainingPlanRepository plans) {
        this.plans = plans;
    }

    @EventHandler
    void on(TrainingPlanRecordedEvent event, @SequenceNumber long sequence) {
        TrainingPlanDocument plan = new TrainingPlanDocument(
                event.planId(),
                event.unitId(),
                event.year(),
                event.lines(),
                event.lines().stream().mapToInt(PlanLine::classes).sum(),
                sequence);
        if (sequence == 0) {
            plans.insertIfAbsent(plan);
        } else {
            plans.replaceIfNewer(plan.planId(), sequence, plan);
        }
    }

    @ResetHandler
    void onReset() {
        plans.deleteAll();
    }

    @QueryHandler
    Optional<TrainingPlanView> handle(FindTrainingPlanQuery query) {
        return plans.findById(RecordTrainingPlanCommand.planIdOf(query.unitId(), query.year()))
                .map(TrainingPlanDocument::toView);
    }
}
