package org.giaoban.training.api.trainingclass;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Opens a class organised by a unit for a bloc, held in a format between two dates; {@code capacity} may be null. */
public record OpenTrainingClassCommand(
        @TargetAggregateIdentifier UUID classId,
        String title,
        String organizerUnitId,
        Bloc bloc,
        ClassFormat format,
        LocalDate startsOn,
        LocalDate endsOn,
        Integer capacity) {}
