package org.giaoban.training.api.contest;

import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * Entries of a contest were recorded, one participation-turn each. {@code newParticipants} is how many of their
 * participants had never entered this contest before, so that distinct participants add up without a set.
 *
 * <p>Revision 2 is stored with each entry's {@code participantId} sealed with a key of that person ({@code {"keyId",
 * "sealed", "unitId", "submittedAt", "score"}}); a reader without the keys reads it as {@code null} and the rest as it
 * is. Revision 1 held it in clear.
 */
@Revision("2")
public record ContestEntriesSubmittedEvent(UUID contestId, List<ContestEntry> entries, int newParticipants) {}
