package org.giaoban.training.api.contest;

import java.util.List;
import java.util.UUID;

/**
 * Records entries of a contest. Answered with a {@link ContestEntriesOutcome}: the entries accepted are recorded
 * together, every refused one is named with its reason.
 */
public record SubmitContestEntriesCommand(UUID contestId, List<ContestEntry> entries) {}
