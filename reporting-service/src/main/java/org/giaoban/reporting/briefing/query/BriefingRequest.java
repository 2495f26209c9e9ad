package org.giaoban.reporting.briefing.query;

import java.time.Instant;
import java.time.LocalDate;

/** Which briefing: a period (both days included), a unit with the units under it, and optionally an instant. */
public record BriefingRequest(LocalDate from, LocalDate to, String unitId, Instant recordedAt) {}
