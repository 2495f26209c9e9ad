package org.giaoban.tasks.document.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.giaoban.platform.access.CommandCaller;
import org.giaoban.platform.access.KnownUnits;
import org.giaoban.platform.problem.DomainRuleViolation;
import org.giaoban.platform.problem.InvalidFieldException;
import org.giaoban.tasks.api.document.DocumentIssuedEvent;
import org.giaoban.tasks.api.document.DocumentRevokedEvent;
import org.giaoban.tasks.api.document.IssueDocumentCommand;
import org.giaoban.tasks.api.document.RevokeDocumentCommand;
import org.giaoban.units.UnitCatalogue;

/**
 * A direction document issued by a unit. It guards: the issuing unit is known; the issue date is not after today (in
 * Hanoi); a work item it names exists; its number is not used by another document of the same unit (through
 * {@link DocumentNumbers}); it is revoked at most once.
 */
@Aggregate(filterEventsByType = true)
public class Document {

    @AggregateIdentifier
    private UUID documentId;

    private String unitId;
    private boolean revoked;

    protected Document() {}

    @CommandHandler
    public Document(
            IssueDocumentCommand command,
            UnitCatalogue units,
            CommandCaller caller,
            Clock clock,
            KnownTasks tasks,
            DocumentNumbers numbers) {
        KnownUnits.requireKnown(units, "unitId", command.unitId());
        caller.requireWriteFor(command.unitId());
        if (command.issuedOn().isAfter(LocalDate.now(clock))) {
            throw new InvalidFieldException("issuedOn", "may not be in the future");
        }
        if (command.taskId() != null && !tasks.exists(command.taskId())) {
            throw new InvalidFieldException("taskId", "no work item has the id " + command.taskId());
        }
        if (!numbers.claim(command.unitId(), command.number(), command.documentId())) {
            throw new DomainRuleViolation(
                    "document-number-taken",
                    "Unit " + command.unitId() + " already has a document numbered " + command.number() + ".");
        }
        apply(new DocumentIssuedEvent(
                command.documentId(),
                command.number(),
                command.title(),
                command.kind(),
                command.unitId(),
                command.issuedOn(),
                command.taskId()));
    }

    @CommandHandler
    public void handle(RevokeDocumentCommand command, CommandCaller caller) {
        caller.requireWriteFor(unitId);
        if (revoked) {
            throw new DomainRuleViolation("document-revoked", "The document is already revoked.");
        }
        apply(new DocumentRevokedEvent(documentId, command.reason()));
    }

    @EventSourcingHandler
    void on(DocumentIssuedEvent event) {
        documentId = event.documentId();
        unitId = event.unitId();
    }

    @EventSourcingHandler
    void on(DocumentRevokedEvent event) {
        revoked = true;
    }
}
