package org.giaoban.training.personaldata.command;

import static org.axonframework.eventhandling.GenericEventMessage.asEventMessage;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.EventBus;
import org.giaoban.platform.access.CommandCaller;
import org.giaoban.platform.problem.ResourceNotFoundException;
import org.giaoban.platform.web.IdempotencyRecords;
import org.giaoban.training.api.personaldata.ErasePersonalDataCommand;
import org.giaoban.training.api.personaldata.PersonalDataErasedEvent;
import org.giaoban.training.personaldata.PersonKeys;
import org.giaoban.training.personaldata.Pseudonyms;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Erases a person's personal data, in the transaction of the command. It guards: only an administrator erases; a
 * person the service holds no key for (never enrolled nor entered, or erased already) is not found. Then it deletes
 * the person's key, so that every event about them reads as erased; their rows of the rosters and of the contest
 * participants (their pseudonym); the stored answers to requests that named them; and records a
 * {@link PersonalDataErasedEvent} that names the erasure only.
 *
 * <p>Their learner-turns and entries still count: the events stay as stored, and the counts are the events'. Once
 * erased, a person who enrols again or enters again is a new learner or participant to the lookup tables.
 */
@Component
class PersonalDataEraser {

    private final PersonKeys keys;
    private final Pseudonyms pseudonyms;
    private final JdbcTemplate jdbc;
    private final IdempotencyRecords idempotencyRecords;
    private final EventBus eventBus;

    PersonalDataEraser(
            PersonKeys keys,
            Pseudonyms pseudonyms,
            JdbcTemplate jdbc,
            IdempotencyRecords idempotencyRecords,
            EventBus eventBus) {
        this.keys = keys;
        this.pseudonyms = pseudonyms;
        this.jdbc = jdbc;
        this.idempotencyRecords = idempotencyRecords;
        this.eventBus = eventBus;
    }

    @CommandHandler
    void handle(ErasePersonalDataCommand command, CommandCaller caller) {
        caller.requireAdministrator("erase a person's personal data");
        if (!keys.erase(command.personId())) {
            // The id is the caller's own input; it is not repeated in the answer, which may reach a log.
            throw new ResourceNotFoundException("person with personal data", "given");
        }
        String pseudonym = pseudonyms.of(command.personId());
        jdbc.update("DELETE FROM enrolment WHERE learner_id = ?", pseudonym);
        jdbc.update("DELETE FROM contest_participant WHERE participant_id = ?", pseudonym);
        idempotencyRecords.forgetAnswersHolding(command.personId());
        eventBus.publish(asEventMessage(new PersonalDataErasedEvent(command.erasureId())));
    }
}
