package org.giaoban.training.api.contest;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** An online contest was opened, taking entries from {@code opensAt} until {@code closesAt}. */
@Revision("1")
public record ContestOpenedEvent(UUID contestId, String title, String subject, Instant opensAt, Instant closesAt) {}
