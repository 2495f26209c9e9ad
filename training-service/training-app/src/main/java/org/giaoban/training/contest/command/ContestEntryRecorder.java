package org.giaoban.training.contest.command;

import static org.axonframework.eventhandling.GenericEventMessage.asEventMessage;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.common.lock.Lock;
import org.axonframework.common.lock.LockFactory;
import org.axonframework.common.lock.PessimisticLockFactory;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.giaoban.platform.access.CommandCaller;
import org.giaoban.platform.access.KnownUnits;
import org.giaoban.platform.problem.ResourceNotFoundException;
import org.giaoban.training.api.contest.ContestEntriesOutcome;
import org.giaoban.training.api.contest.ContestEntriesOutcome.RefusedEntry;
import org.giaoban.training.api.contest.ContestEntriesSubmittedEvent;
import org.giaoban.training.api.contest.ContestEntry;
import org.giaoban.training.api.contest.SubmitContestEntriesCommand;
import org.giaoban.training.contest.command.ContestWindows.ContestWindow;
import org.giaoban.units.UnitCatalogue;
import org.springframework.stereotype.Component;

/**
 * Records the entries of a contest without an aggregate: a contest of two million entries is a few hundred events, none
 * of which is ever loaded again. It guards, for the whole batch and before anything else: the caller may write for the
 * unit of every entry that names a known unit (an administrator, or an officer of that unit or a unit above it);
 * otherwise the batch is refused and nothing of it is recorded. Then, for each entry: the participant id is 1 to 64
 * letters, digits or {@code . _ @ -}; the unit is known; the entry was submitted while the contest was open (both
 * instants included); a score, when given, is from 0 to 100. Refused entries are answered with their index and reason;
 * the others are recorded together as one {@link ContestEntriesSubmittedEvent}, with the number of participants new to
 * the contest (through {@link ContestParticipants}), in the transaction of the command.
 *
 * <p>Batches of one contest are recorded one after the other: the contest is locked in this process, as Axon locks an
 * aggregate, until the unit of work has committed, and its row in {@code contest_window} is locked in the database for
 * other instances. So their participants are counted exactly, and each batch's event is stored only after the previous
 * one is visible, which makes their global positions increase in the order the contest summary sees them.
 */
@Component
class ContestEntryRecorder {

    static final Pattern PARTICIPANT_ID = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    static final String MISSING_ENTRY = "missing-entry";
    static final String INVALID_PARTICIPANT = "invalid-participant";
    static final String UNKNOWN_UNIT = "unknown-unit";
    static final String MISSING_SUBMITTED_AT = "missing-submitted-at";
    static final String OUTSIDE_CONTEST_WINDOW = "outside-contest-window";
    static final String INVALID_SCORE = "invalid-score";

    private final ContestWindows windows;
    private final ContestParticipants participants;
    private final UnitCatalogue units;
    private final EventBus eventBus;
    private final LockFactory contestLocks = PessimisticLockFactory.usingDefaults();

    ContestEntryRecorder(
            ContestWindows windows, ContestParticipants participants, UnitCatalogue units, EventBus eventBus) {
        this.windows = windows;
        this.participants = participants;
        this.units = units;
        this.eventBus = eventBus;
    }

    @CommandHandler
    ContestEntriesOutcome handle(SubmitContestEntriesCommand command, CommandCaller caller) {
        List<ContestEntry> entries = command.entries() == null ? List.of() : command.entries();
        requireWriteForEveryUnit(entries, caller);
        lockUntilCommitted(command);
        ContestWindow window = windows.lockForEntries(command.contestId())
                .orElseThrow(() -> new ResourceNotFoundException("contest", command.contestId()));
        List<ContestEntry> accepted = new ArrayList<>(entries.size());
        List<RefusedEntry> refused = new ArrayList<>();
        for (int index = 0; index < entries.size(); index++) {
            ContestEntry entry = entries.get(index);
            RefusedEntry refusal = refusalOf(index, entry, window);
            if (refusal == null) {
                accepted.add(entry);
            } else {
                refused.add(refusal);
            }
        }
        if (!accepted.isEmpty()) {
            Set<String> participantIds = new LinkedHashSet<>();
            accepted.forEach(entry -> participantIds.add(entry.participantId()));
            int newParticipants = participants.addNew(command.contestId(), participantIds);
            eventBus.publish(asEventMessage(
                    new ContestEntriesSubmittedEvent(command.contestId(), List.copyOf(accepted), newParticipants)));
        }
        return new ContestEntriesOutcome(accepted.size(), List.copyOf(refused));
    }

    /**
     * Refuses the whole batch when the caller may not write for one of its entries' units. An entry without a known
     * unit is left to be refused on its own, as {@value #UNKNOWN_UNIT}: it is never recorded.
     */
    private void requireWriteForEveryUnit(List<ContestEntry> entries, CommandCaller caller) {
        Set<String> unitIds = new LinkedHashSet<>();
        for (ContestEntry entry : entries) {
            if (entry != null && units.contains(entry.unitId())) {
                unitIds.add(entry.unitId());
            }
        }
        unitIds.forEach(caller::requireWriteFor);
    }

    private void lockUntilCommitted(SubmitContestEntriesCommand command) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        Lock lock = contestLocks.obtainLock(command.contestId().toString());
        unitOfWork.onCleanup(finished -> lock.release());
    }

    private RefusedEntry refusalOf(int index, ContestEntry entry, ContestWindow window) {
        if (entry == null) {
            return new RefusedEntry(index, null, MISSING_ENTRY, "the entry is empty");
        }
        String participantId = entry.participantId();
        if (participantId == null || !PARTICIPANT_ID.matcher(participantId).matches()) {
            return new RefusedEntry(
                    index,
                    participantId,
                    INVALID_PARTICIPANT,
                    "the participant id must be 1 to 64 letters, digits or . _ @ -");
        }
        if (!units.contains(entry.unitId())) {
            return new RefusedEntry(index, participantId, UNKNOWN_UNIT, KnownUnits.notKnown(entry.unitId()));
        }
        if (entry.submittedAt() == null) {
            return new RefusedEntry(index, participantId, MISSING_SUBMITTED_AT, "the submission time is missing");
        }
        if (!window.contains(entry.submittedAt())) {
            return new RefusedEntry(
                    index,
                    participantId,
                    OUTSIDE_CONTEST_WINDOW,
                    "submitted at " + entry.submittedAt() + ", outside the contest's window from " + window.opensAt()
                            + " to " + window.closesAt());
        }
        if (entry.score() != null && (entry.score() < 0 || entry.score() > 100)) {
            return new RefusedEntry(
                    index, participantId, INVALID_SCORE, "the score must be from 0 to 100, not " + entry.score());
        }
        return null;
    }
}
