package org.giaoban.training.api.enrolment;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A learner was withdrawn from a class; {@code unitId} is the unit they were enrolled for. */
@Revision("1")
public record LearnerWithdrawnEvent(UUID classId, String learnerId, String unitId) {}
