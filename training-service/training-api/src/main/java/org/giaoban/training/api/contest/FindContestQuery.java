package org.giaoban.training.api.contest;

import java.util.UUID;

/** Asks for one contest with its number of entries and of distinct participants. Answered with an optional view. */
public record FindContestQuery(UUID contestId) {}
