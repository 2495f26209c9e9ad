package org.giaoban.training.api.trainingclass;

import java.time.LocalDate;
import java.util.Set;

/**
 * Asks for a page of classes, by start date. Every filter may be null; {@code organizerUnitIds} is the set of units to
 * include. Answered with a {@link TrainingClassPageView}.
 */
public record FindTrainingClassesQuery(
        Set<String> organizerUnitIds, Bloc bloc, LocalDate startsFrom, LocalDate startsTo, int page, int size) {}
