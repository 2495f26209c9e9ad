package org.giaoban.training.api.plan;

/** Asks for a unit's plan for a year. Answered with an optional {@link TrainingPlanView}. */
public record FindTrainingPlanQuery(String unitId, int year) {}
