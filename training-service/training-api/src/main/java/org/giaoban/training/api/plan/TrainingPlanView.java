package org.giaoban.training.api.plan;

import java.util.List;

/** A unit's plan for a year as last recorded, with its total number of classes. */
public record TrainingPlanView(String unitId, int year, List<PlanLine> lines, int totalClasses, long version) {}
