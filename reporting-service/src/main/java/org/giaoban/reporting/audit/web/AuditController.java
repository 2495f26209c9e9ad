package org.giaoban.reporting.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.giaoban.platform.apidoc.ApiProblem;
import org.giaoban.platform.problem.FieldError;
import org.giaoban.platform.problem.InvalidRequestException;
import org.giaoban.platform.problem.NotAllowedException;
import org.giaoban.platform.problem.ResourceNotFoundException;
import org.giaoban.platform.web.PageRequest;
import org.giaoban.platform.web.PageResponse;
import org.giaoban.platform.web.RequestMetadata;
import org.giaoban.reporting.audit.AuditReadLog;
import org.giaoban.reporting.audit.AuditReadLog.AuditRead;
import org.giaoban.reporting.audit.AuditedServices;
import org.giaoban.reporting.audit.EventExport;
import org.giaoban.reporting.audit.EventQuery;
import org.giaoban.reporting.audit.RecordHistory;
import org.giaoban.reporting.audit.StoredEvents;
import org.giaoban.reporting.source.ServiceEventSource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The stored events of a service as NDJSON ({@code GET /api/audit/events}), the history of one record
 * ({@code GET /api/audit/records/{aggregateId}}) and the reads of these endpoints ({@code GET /api/audit/reads},
 * ADMIN only). Both streams open their cursor before anything is written, so bad input and a store that is away are
 * answered as problems, not as a broken stream.
 */
@RestController
@RequestMapping("/api/audit")
@Tag(name = AuditController.TAG, description = AuditController.TAG_DESCRIPTION)
class AuditController {

    static final String TAG = "Audit";
    static final String TAG_DESCRIPTION = "For AUDITOR and ADMIN: every event of tasks- and training-service as stored,"
            + " sealed in a Merkle tree (RFC 9162) with signed tree heads; proofs, keys, a verification of the stored"
            + " rows, and the history of any record. Every read here is itself recorded. The format and algorithms:"
            + " docs/AUDIT.md.";

    static final String NDJSON = "application/x-ndjson";

    /** The most events one export may be limited to; without a limit it streams them all. */
    static final long MAX_LIMIT = 100_000_000L;

    /** Ids the services make: UUIDs, and unit ids such as {@code HN-HOANKIEM}. */
    private static final Pattern AGGREGATE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}");

    private static final int FIRST_YEAR = 1900;
    private static final int LAST_YEAR = 2100;

    private static final String EVENT_EXAMPLE = "{\"service\":\"tasks\",\"position\":41,\"leafIndex\":41,"
            + "\"eventId\":\"c1d2e3f4-0a1b-4c2d-8e3f-4a5b6c7d8e9f\",\"aggregateType\":\"Task\","
            + "\"aggregateId\":\"6f1c2d3e-4a5b-4c6d-8e7f-901234567890\",\"sequence\":1,"
            + "\"type\":\"org.giaoban.tasks.api.task.TaskCompletedEvent\",\"revision\":\"1\","
            + "\"recordedAt\":\"2022-06-28T03:12:45Z\",\"payload\":{\"taskId\":\"6f1c2d3e-4a5b-4c6d-8e7f-901234567890\","
            + "\"completedOn\":\"2022-06-28\",\"note\":\"Đã tổ chức hội nghị.\"},\"metadata\":{\"actor\":\"longbien\","
            + "\"roles\":[\"OFFICER\"],\"unitId\":\"HN-LONGBIEN\",\"correlationId\":\"9f8e7d6c\","
            + "\"causationId\":\"9f8e7d6c\",\"requestId\":\"9f8e7d6c\"},"
            + "\"leafHash\":\"5f2b9c0e4a1d7e3f8b6c2a9d0e1f4a7b3c8d5e2f9a6b1c4d7e0f3a8b5c2d9e6f\"}";

    private static final String HISTORY_EXAMPLE = "{\"service\":\"tasks\","
            + "\"aggregateId\":\"6f1c2d3e-4a5b-4c6d-8e7f-901234567890\",\"aggregateType\":\"Task\",\"changes\":["
            + "{\"position\":12,\"sequence\":0,\"change\":\"Task planned\","
            + "\"type\":\"org.giaoban.tasks.api.task.TaskPlannedEvent\",\"recordedAt\":\"2022-01-05T02:00:00Z\","
            + "\"actor\":\"longbien\",\"roles\":[\"OFFICER\"],\"unitId\":\"HN-LONGBIEN\",\"reason\":null},"
            + "{\"position\":41,\"sequence\":1,\"change\":\"Task cancelled\","
            + "\"type\":\"org.giaoban.tasks.api.task.TaskCancelledEvent\",\"recordedAt\":\"2022-06-28T03:12:45Z\","
            + "\"actor\":\"admin\",\"roles\":[\"ADMIN\"],\"unitId\":null,"
            + "\"reason\":\"Nhiệm vụ đã được giao cho đơn vị khác.\"}]}";

    private final AuditedServices services;
    private final EventExport export;
    private final RecordHistory history;
    private final AuditReadLog reads;

    AuditController(AuditedServices services, EventExport export, RecordHistory history, AuditReadLog reads) {
        this.services = services;
        this.export = export;
        this.history = history;
        this.reads = reads;
    }

    @GetMapping(
            value = "/events",
            produces = {NDJSON, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @Operation(
            operationId = "auditEvents",
            summary = "Export the events of a service",
            description = "The events in the order of their global position, one JSON object a line, streamed: each"
                    + " with its position, leaf index, ids, type, revision, instant, payload, metadata (actor, roles,"
                    + " unit, correlation, causation and request ids) and, once sealed, its leaf hash.")
    @ApiResponse(
            responseCode = "200",
            description = "The events, one a line (NDJSON)",
            content =
                    @Content(
                            mediaType = NDJSON,
                            schema = @Schema(type = "string"),
                            examples = @ExampleObject(value = EVENT_EXAMPLE)))
    void events(
            @Parameter(
                            description = "The service whose ledger: tasks or training",
                            required = true,
                            schema = @Schema(allowableValues = {"tasks", "training"}))
                    @RequestParam(required = false)
                    String service,
            @Parameter(description = "Only the events of this record", example = "6f1c2d3e-4a5b-4c6d-8e7f-901234567890")
                    @RequestParam(required = false)
                    String aggregateId,
            @Parameter(description = "Only events after this position; -1 or none for the first", example = "-1")
                    @RequestParam(required = false)
                    Long after,
            @Parameter(description = "Only events recorded at or after this instant", example = "2022-01-01T00:00:00Z")
                    @RequestParam(required = false)
                    Instant recordedFrom,
            @Parameter(description = "Only events recorded at or before this instant", example = "2022-10-06T00:00:00Z")
                    @RequestParam(required = false)
                    Instant recordedTo,
            @Parameter(description = "At most this many events, from 1 to 100,000,000", example = "1000")
                    @RequestParam(required = false)
                    Long limit,
            HttpServletResponse response)
            throws IOException, SQLException {
        ServiceEventSource source = services.named(service);
        List<FieldError> errors = new ArrayList<>();
        long from = after == null ? -1 : after;
        if (from < -1) {
            errors.add(new FieldError("after", "must be -1 (from the first event) or a position"));
        }
        if (aggregateId != null && !AGGREGATE_ID.matcher(aggregateId).matches()) {
            errors.add(new FieldError("aggregateId", "is not an id of a record"));
        }
        checkInstant("recordedFrom", recordedFrom, errors);
        checkInstant("recordedTo", recordedTo, errors);
        if (recordedFrom != null && recordedTo != null && recordedTo.isBefore(recordedFrom)) {
            errors.add(new FieldError("recordedTo", "must not be before recordedFrom"));
        }
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            errors.add(new FieldError("limit", "must be from 1 to " + MAX_LIMIT));
        }
        refuseIfAny(errors);
        long head = source.head();
        if (from > head) {
            refuseIfAny(List.of(new FieldError("after", "is beyond the last position of " + service + ", " + head)));
        }
        EventQuery query = new EventQuery(service, aggregateId, from, recordedFrom, recordedTo, limit);
        try (StoredEvents events = StoredEvents.open(source.dataSource(), query)) {
            response.setContentType(NDJSON);
            export.write(service, events, response.getOutputStream());
        }
    }

    @GetMapping(value = "/records/{aggregateId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "recordHistory",
            summary = "The history of a record",
            description =
                    "Each change of a work item, document, class or contest as people read it: what changed, when,"
                            + " who made it (actor, roles, unit) and the reason given.")
    @ApiResponse(
            responseCode = "200",
            description = "The record's changes, oldest first",
            content = @Content(schema = @Schema(type = "object"), examples = @ExampleObject(value = HISTORY_EXAMPLE)))
    @ApiProblem(
            status = 404,
            type = "not-found",
            detail = "No record of tasks has the id 6f1c2d3e-4a5b-4c6d-8e7f-901234567890")
    void record(
            @Parameter(description = "The record's id", example = "6f1c2d3e-4a5b-4c6d-8e7f-901234567890") @PathVariable
                    String aggregateId,
            @Parameter(
                            description = "The service whose ledger: tasks or training",
                            required = true,
                            schema = @Schema(allowableValues = {"tasks", "training"}))
                    @RequestParam(required = false)
                    String service,
            HttpServletResponse response)
            throws IOException, SQLException {
        ServiceEventSource source = services.named(service);
        if (!AGGREGATE_ID.matcher(aggregateId).matches()) {
            refuseIfAny(List.of(new FieldError("aggregateId", "is not an id of a record")));
        }
        writeHistory(service, source, aggregateId, response);
    }

    /** A training plan's id is {@code <unitId>/<year>}, two segments of the path. */
    @GetMapping(value = "/records/{unitId}/{year}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "trainingPlanHistory",
            summary = "The history of a unit's training plan",
            description = "Each change of the plan of a unit for a year: what changed, when, who made it and the"
                    + " reason given.")
    @ApiResponse(
            responseCode = "200",
            description = "The plan's changes, oldest first",
            content = @Content(schema = @Schema(type = "object"), examples = @ExampleObject(value = HISTORY_EXAMPLE)))
    @ApiProblem(status = 404, type = "not-found", detail = "No record of training has the id HN-HOANKIEM/2022")
    void planRecord(
            @Parameter(description = "The unit whose plan it is", example = "HN-HOANKIEM") @PathVariable String unitId,
            @Parameter(description = "The plan's year", example = "2022") @PathVariable String year,
            @Parameter(
                            description = "The service whose ledger: tasks or training",
                            required = true,
                            schema = @Schema(allowableValues = {"tasks", "training"}))
                    @RequestParam(required = false)
                    String service,
            HttpServletResponse response)
            throws IOException, SQLException {
        ServiceEventSource source = services.named(service);
        if (!AGGREGATE_ID.matcher(unitId).matches() || !year.matches("[0-9]{4}")) {
            refuseIfAny(List.of(new FieldError("aggregateId", "is not an id of a record")));
        }
        writeHistory(service, source, unitId + "/" + year, response);
    }

    @GetMapping("/reads")
    @Operation(
            operationId = "auditReads",
            summary = "Who read the audit endpoints",
            description = "Every read of /api/audit, newest first, a page at a time (ADMIN only).")
    @ApiProblem(status = 403, type = "forbidden", detail = "Only an ADMIN may read who read the audit endpoints.")
    PageResponse<AuditRead> reads(
            @Parameter(description = PageRequest.PAGE_DESCRIPTION, example = "0") @RequestParam(required = false)
                    Integer page,
            @Parameter(description = PageRequest.SIZE_DESCRIPTION, example = "50") @RequestParam(required = false)
                    Integer size) {
        boolean admin = RequestMetadata.current()
                .map(request -> AuditRead.of(null, request.asMessageMetadata(), null, null, null))
                .map(reader -> reader.has("ADMIN"))
                .orElse(false);
        if (!admin) {
            throw new NotAllowedException("forbidden", "Only an ADMIN may read who read the audit endpoints.");
        }
        return reads.page(PageRequest.of(page, size));
    }

    private void writeHistory(
            String service, ServiceEventSource source, String aggregateId, HttpServletResponse response)
            throws IOException, SQLException {
        EventQuery query = new EventQuery(service, aggregateId, -1, null, null, null);
        try (StoredEvents events = StoredEvents.open(source.dataSource(), query)) {
            StoredEvents.SealedRow first = events.next();
            if (first == null) {
                throw new ResourceNotFoundException("record of " + service, aggregateId);
            }
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            history.write(service, first, events, response.getOutputStream());
        }
    }

    private static void checkInstant(String field, Instant instant, List<FieldError> errors) {
        if (instant == null) {
            return;
        }
        int year = instant.atZone(ZoneOffset.UTC).getYear();
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            errors.add(new FieldError(field, "must lie from " + FIRST_YEAR + " to " + LAST_YEAR));
        }
    }

    private static void refuseIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }
}
