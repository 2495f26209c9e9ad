package org.giaoban.training.contest.command;

import java.util.Collection;
import java.util.UUID;

/**
 * Who has entered which contest at least once, so that distinct participants are counted without a set in memory.
 * Written in the same transaction as the entries' event.
 */
public interface ContestParticipants {

    /** Records the participants that had not entered the contest yet and answers how many they were. */
    int addNew(UUID contestId, Collection<String> participantIds);
}
