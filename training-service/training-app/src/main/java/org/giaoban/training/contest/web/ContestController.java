package org.giaoban.training.contest.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.giaoban.platform.apidoc.ApiProblem;
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
@Tag(
        name = "Contests",
        description = "Online contests on the Party's resolutions: entries by participants of each unit, counted as"
                + " participation-turns and distinct participants.")
class ContestController {

    private static final String NOT_FOUND = "No contest has the id 9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";

    static final int MAX_BATCH = 10_000;

    private final CommandGateway commands;
    private final QueryGateway queries;

    ContestController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @PostMapping
    @Operation(
            operationId = "openContest",
            summary = "Open a contest",
            description = "Records a contest with its subject and the window in which entries count.")
    @ApiResponse(
            responseCode = "201",
            description = "Opened: the new contest's id, and its address in Location",
            headers = @Header(name = "Location", description = "/api/contests/{id}", schema = @Schema(type = "string")))
    ResponseEntity<IdResponse> open(@Valid @RequestBody ContestRequests.Open request) {
        UUID contestId = UUID.randomUUID();
        commands.sendAndWait(new OpenContestCommand(
                contestId, request.title().strip(), request.subject().strip(), request.opensAt(), request.closesAt()));
        return ResponseEntity.created(URI.create("/api/contests/" + contestId)).body(new IdResponse(contestId));
    }

    /** One entry: accepted ({@code 202}), or refused as an invalid request that names the field at fault. */
    @PostMapping("/{contestId}/entries")
    @Operation(
            operationId = "submitContestEntry",
            summary = "Submit a contest entry",
            description = "Records one entry; an entry outside the contest's window or of an unknown unit is refused"
                    + " as an invalid request naming the field.")
    @ApiResponse(responseCode = "202", description = "Recorded")
    @ApiProblem(status = 404, type = "not-found", detail = NOT_FOUND)
    ResponseEntity<ContestEntriesResponse> submit(
            @Parameter(description = "The contest's id", example = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d") @PathVariable
                    UUID contestId,
            @Valid @RequestBody ContestRequests.Entry request) {
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
    @Operation(
            operationId = "submitContestEntries",
            summary = "Submit up to 10,000 contest entries",
            description = "Records the valid entries of a batch; the answer counts them and lists each refused entry"
                    + " with its index and reason.")
    @ApiResponse(responseCode = "202", description = "Recorded: how many, and the entries refused")
    @ApiProblem(status = 404, type = "not-found", detail = NOT_FOUND)
    @ApiProblem(
            status = 413,
            type = "batch-too-large",
            detail = "The batch has 10001 rows; one request takes at most 10000.")
    ResponseEntity<ContestEntriesResponse> submitBatch(
            @Parameter(description = "The contest's id", example = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d") @PathVariable
                    UUID contestId,
            @Valid @RequestBody ContestRequests.Batch request) {
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
    @Operation(
            operationId = "findContest",
            summary = "Read a contest",
            description = "The contest with its entries (participation-turns) and distinct participants so far.")
    @ApiProblem(status = 404, type = "not-found", detail = NOT_FOUND)
    ResponseEntity<ContestView> find(
            @Parameter(description = "The contest's id", example = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d") @PathVariable
                    UUID contestId) {
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
