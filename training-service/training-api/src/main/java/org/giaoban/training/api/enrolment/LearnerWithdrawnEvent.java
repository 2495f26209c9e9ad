package org.giaoban.training.api.enrolment;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A learner was withdrawn from a class; {@code unitId} is the unit they were enrolled for.
 *
 * <p>Revision 2 is stored with {@code learnerId} sealed with a key of that person ({@code {"classId", "keyId",
 * "sealed", "unitId"}}); a reader without the keys reads it as {@code null}. Revision 1 held it in clear.
 */
@Revision("2")
public record LearnerWithdrawnEvent(UUID classId, String learnerId, String unitId) {}
