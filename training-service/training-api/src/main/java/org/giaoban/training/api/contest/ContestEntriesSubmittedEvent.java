package org.giaoban.training.api.contest;

import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * Entries of a contest were recorded, one participation-turn each. {@code newParticipants} is how many of their
 * participants had never entered this contest before, so that distinct participants add up without a set.
 */
@Revision("1")
public record ContestEntriesSubmittedEvent(UUID contestId, List<ContestEntry> entries, int newParticipants) {}
