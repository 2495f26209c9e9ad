package org.giaoban.reporting.audit.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
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
class AuditController {

    static final String NDJSON = "application/x-ndjson";

    /** The most events one export may be limited to; without a limit it streams them all. */
    static final long MAX_LIMIT = 100_000_000L;

    /** Ids the services make: UUIDs, and unit ids such as {@code HN-HOANKIEM}. */
    private static final Pattern AGGREGATE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}");

    private static final int FIRST_YEAR = 1900;
    private static final int LAST_YEAR = 2100;

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
    void events(
            @RequestParam(required = false) String service,
            @RequestParam(required = false) String aggregateId,
            @RequestParam(required = false) Long after,
            @RequestParam(required = false) Instant recordedFrom,
            @RequestParam(required = false) Instant recordedTo,
            @RequestParam(required = false) Long limit,
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
    void record(
            @PathVariable String aggregateId,
            @RequestParam(required = false) String service,
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
    void planRecord(
            @PathVariable String unitId,
            @PathVariable String year,
            @RequestParam(required = false) String service,
            HttpServletResponse response)
            throws IOException, SQLException {
        ServiceEventSource source = services.named(service);
        if (!AGGREGATE_ID.matcher(unitId).matches() || !year.matches("[0-9]{4}")) {
            refuseIfAny(List.of(new FieldError("aggregateId", "is not an id of a record")));
        }
        writeHistory(service, source, unitId + "/" + year, response);
    }

    @GetMapping("/reads")
    PageResponse<AuditRead> reads(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
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
