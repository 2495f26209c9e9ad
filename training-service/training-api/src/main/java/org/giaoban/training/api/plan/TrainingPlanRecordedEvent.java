package org.giaoban.training.api.plan;

import java.util.List;
import org.axonframework.serialization.Revision;

/** A unit's training plan for a year was recorded, in full; it replaces any plan recorded before for that year. */
@Revision("1")
public record TrainingPlanRecordedEvent(String planId, String unitId, int year, List<PlanLine> lines) {}
