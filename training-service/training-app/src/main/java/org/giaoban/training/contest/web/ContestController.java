package org.giaoban.training.contest.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.giaoban.platform.problem.BatchTooLargeException;
import org.giaoban.platform.problem.FieldError;
import org.giaoban.platform.problem.InvalidRequestException;
import org.giaoban.platform.problem.ResourceNotFoundException;
import org.giaoban.platform.web.IdResponse;
import org.giaoban.platform.web.IfMatch;
import org.giaoban.training.api.contest.ContestEntriesOutcome;
import org.giaoban.training.api.contest.ContestEntriesOutcome.RefusedEntry;
import org.giaoban.training.api.contest.ContestEntry;
import org.giaoban.training.api.contest.ContestView;
import org.giaoban.training.api.contest.FindContestQuery;
import org.giaoban.training.api.contest.OpenContestCommand;
import org.giaoban.training.api.contest.SubmitContestEntriesCommand;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Online contests over HTTP. Opening is one command; entries, one or a batch, are one command answered with what was
 * accepted and what refused; reading is one query of the contest summary, which follows the entries within moments.
 */
@RestController
@RequestMapping("/api/contests")
class ContestController {

    static final int MAX_BATCH = 10_000;

    private final CommandGateway commands;
    private final QueryGateway queries;

    ContestController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @PostMapping
    ResponseEntity<IdResponse> open(@Valid @RequestBody ContestRequests.Open request) {
        UUID contestId = UUID.randomUUID();
        commands.sendAndWait(new OpenContestCommand(
                contestId, request.title().strip(), request.subject().strip(), request.opensAt(), request.closesAt()));
        return ResponseEntity.created(URI.create("/api/contests/" + contestId)).body(new IdResponse(contestId));
    }

    /** One entry: accepted ({@code 202}), or refused as an invalid request that names the field at fault. */
    @PostMapping("/{contestId}/entries")
    ResponseEntity<ContestEntriesResponse> submit(
            @PathVariable UUID contestId, @Valid @RequestBody ContestRequests.Entry request) {
        ContestEntriesOutcome outcome =
                commands.sendAndWait(new SubmitContestEntriesCommand(contestId, List.of(request.toContestEntry())));
        if (!outcome.rejected().isEmpty()) {
            throw new InvalidRequestException(outcome.rejected().stream()
                    .map(ContestController::fieldErrorOf)
                    .toList());
        }
        return ResponseEntity.accepted().body(ContestEntriesResponse.of(outcome));
    }

    /** Up to 10,000 entries: the valid ones are recorded, each refused one is listed with its index and reason. */
    @PostMapping("/{contestId}/entries/batch")
    ResponseEntity<ContestEntriesResponse> submitBatch(
            @PathVariable UUID contestId, @Valid @RequestBody ContestRequests.Batch request) {
        if (request.entries().size() > MAX_BATCH) {
            throw new BatchTooLargeException(request.entries().size(), MAX_BATCH);
        }
        List<ContestEntry> entries = request.entries().stream()
                .map(entry -> entry == null ? null : entry.toContestEntry())
                .toList();
        ContestEntriesOutcome outcome = commands.sendAndWait(new SubmitContestEntriesCommand(contestId, entries));
        return ResponseEntity.accepted().body(ContestEntriesResponse.of(outcome));
    }

    @GetMapping("/{contestId}")
    ResponseEntity<ContestView> find(@PathVariable UUID contestId) {
        ContestView contest = queries.query(
                        new FindContestQuery(contestId), ResponseTypes.optionalInstanceOf(ContestView.class))
                .join()
                .orElseThrow(() -> new ResourceNotFoundException("contest", contestId));
        return ResponseEntity.ok().eTag(IfMatch.entityTag(contest.version())).body(contest);
    }

    /** The field of a single entry that its refusal is about, as a front-end would highlight it. */
    static FieldError fieldErrorOf(RefusedEntry refused) {
        String field = switch (refused.code()) {
            case "invalid-participant" -> "participantId";
            case "unknown-unit" -> "unitId";
            case "missing-submitted-at", "outside-contest-window" -> "submittedAt";
            case "invalid-score" -> "score";
            default -> "entry";
        };
        return new FieldError(field, refused.reason());
    }
}
