package org.giaoban.training.api.personaldata;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A person's personal data was erased on request. It names the erasure, never the person: who asked and when are in
 * the event's metadata ({@code actor}, {@code roles}) and its timestamp.
 */
@Revision("1")
public record PersonalDataErasedEvent(UUID erasureId) {}
