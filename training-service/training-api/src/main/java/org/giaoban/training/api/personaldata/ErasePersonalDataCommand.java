package org.giaoban.training.api.personaldata;

import java.util.UUID;

/**
 * Erases what the service holds of one person, named by their learner or participant id (a citizen id number): their
 * key, and so every personal field of every event about them. Commands are never stored; the id goes no further.
 */
public record ErasePersonalDataCommand(UUID erasureId, String personId) {}
