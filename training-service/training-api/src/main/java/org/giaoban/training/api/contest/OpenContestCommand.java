package org.giaoban.training.api.contest;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Opens an online contest on a subject, taking entries between two instants. */
public record OpenContestCommand(
        @TargetAggregateIdentifier UUID contestId, String title, String subject, Instant opensAt, Instant closesAt) {}
