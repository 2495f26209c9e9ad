package org.giaoban.reporting.briefing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.giaoban.platform.access.KnownUnits;
import org.giaoban.platform.problem.FieldError;
import org.giaoban.platform.problem.InvalidRequestException;
import org.giaoban.platform.web.GatewayWait;
import org.giaoban.reporting.briefing.query.BriefingReport;
import org.giaoban.reporting.briefing.query.BriefingReports;
import org.giaoban.reporting.briefing.query.BriefingRequest;
import org.giaoban.units.UnitCatalogue;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/reports/briefing}: the figures of a briefing for a period and a unit, live or as recorded at an
 * instant, as JSON, CSV ({@code Accept: text/csv} or {@code format=csv}) or an Excel workbook ({@code format=xlsx}).
 */
@RestController
@RequestMapping("/api/reports/briefing")
@Tag(
        name = "Briefing",
        description = "The figures of the periodic briefing (giao ban) for a period and a unit with the units under"
                + " it, by the counting rules of DOMAIN.md: live, or as they stood at an instant recorded before.")
class BriefingController {

    static final MediaType CSV_TYPE = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final MediaType XLSX_TYPE =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** A report reads the facts of every year of its period; a longer period is almost certainly a mistake. */
    static final int MAX_YEARS = 10;

    private final BriefingReports reports;
    private final UnitCatalogue units;
    private final Clock clock;

    BriefingController(BriefingReports reports, UnitCatalogue units, Clock clock) {
        this.reports = reports;
        this.units = units;
        this.clock = clock;
    }

    @GetMapping
    @Operation(
            operationId = "briefing",
            summary = "The briefing for a period and a unit",
            description = "Work items due and done, documents by kind, classes and learner-turns by bloc and format,"
                    + " plans against actuals and contests, for the period and the unit with the units under it. As"
                    + " JSON, or as CSV (format=csv or Accept: text/csv) or an Excel workbook (format=xlsx). With"
                    + " recordedAt, the figures as they stood at that instant: what was recorded after it is left out.")
    @ApiResponse(
            responseCode = "200",
            description = "The briefing",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                        schema = @Schema(implementation = BriefingReport.class)),
                @Content(
                        mediaType = "text/csv",
                        schema = @Schema(type = "string", description = "The same figures as CSV, a table a section")),
                @Content(
                        mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        schema = @Schema(type = "string", format = "binary", description = "An Excel workbook"))
            })
    ResponseEntity<?> briefing(
            @Parameter(description = "The first day of the period", required = true, example = "2022-01-01")
                    @RequestParam(required = false)
                    LocalDate from,
            @Parameter(
                            description = "The last day of the period, at most 10 calendar years after from",
                            required = true,
                            example = "2022-09-08")
                    @RequestParam(required = false)
                    LocalDate to,
            @Parameter(description = "The unit, with the units under it", example = "HN-HOANKIEM")
                    @RequestParam(defaultValue = "HN")
                    String unitId,
            @Parameter(
                            description = "The instant the figures are to stand at, not in the future; leave out for"
                                    + " everything recorded so far",
                            example = "2022-10-06T00:00:00Z")
                    @RequestParam(required = false)
                    Instant recordedAt,
            @Parameter(
                            description = "json, csv or xlsx; it wins over Accept",
                            schema = @Schema(allowableValues = {"json", "csv", "xlsx"}))
                    @RequestParam(required = false)
                    String format,
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            @Parameter(hidden = true) @RequestHeader(name = GatewayWait.HEADER, required = false) String answerWithin) {
        BriefingRequest request = validated(from, to, unitId, recordedAt);
        Format answer = Format.of(format, accept);
        BriefingReport report = reports.briefing(request, GatewayWait.of(answerWithin));
        return switch (answer) {
            case JSON ->
                ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
            case CSV ->
                ResponseEntity.ok()
                        .contentType(CSV_TYPE)
                        .header(HttpHeaders.CONTENT_DISPOSITION, attachment(request, "csv"))
                        .body(BriefingCsv.render(report));
            case XLSX ->
                ResponseEntity.ok()
                        .contentType(XLSX_TYPE)
                        .header(HttpHeaders.CONTENT_DISPOSITION, attachment(request, "xlsx"))
                        .body(workbook(report));
        };
    }

    private BriefingRequest validated(LocalDate from, LocalDate to, String unitId, Instant recordedAt) {
        List<FieldError> errors = new ArrayList<>();
        if (from == null) {
            errors.add(new FieldError("from", "is required, a date such as 2022-01-01"));
        }
        if (to == null) {
            errors.add(new FieldError("to", "is required, a date such as 2022-09-08"));
        }
        if (from != null && to != null) {
            if (to.isBefore(from)) {
                errors.add(new FieldError("to", "must not be before from"));
            } else if (to.getYear() - from.getYear() >= MAX_YEARS) {
                errors.add(new FieldError("to", "a report covers at most " + MAX_YEARS + " calendar years"));
            }
        }
        if (!units.contains(unitId)) {
            errors.add(new FieldError("unitId", KnownUnits.notKnown(unitId)));
        }
        if (recordedAt != null && recordedAt.isAfter(clock.instant())) {
            errors.add(new FieldError("recordedAt", "must not be in the future"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new BriefingRequest(from, to, unitId, recordedAt);
    }

    private static byte[] workbook(BriefingReport report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            BriefingWorkbook.write(report, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String attachment(BriefingRequest request, String extension) {
        String name = "giao-ban_" + request.unitId() + "_" + request.from() + "_" + request.to() + "." + extension;
        return ContentDisposition.attachment().filename(name).build().toString();
    }

    /** What the caller asked for: {@code format} wins over {@code Accept}; JSON unless either names another. */
    enum Format {
        JSON,
        CSV,
        XLSX;

        static Format of(String format, String accept) {
            if (format != null) {
                return switch (format.toLowerCase(Locale.ROOT)) {
                    case "json" -> JSON;
                    case "csv" -> CSV;
                    case "xlsx" -> XLSX;
                    default ->
                        throw new InvalidRequestException(
                                List.of(new FieldError("format", "must be one of json, csv, xlsx")));
                };
            }
            if (accept != null) {
                for (MediaType type : acceptable(accept)) {
                    if (type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType()) {
                        return JSON;
                    }
                    if (type.isCompatibleWith(CSV_TYPE) && !type.isWildcardType()) {
                        return CSV;
                    }
                    if (type.isCompatibleWith(XLSX_TYPE) && !type.isWildcardType()) {
                        return XLSX;
                    }
                }
            }
            return JSON;
        }

        private static List<MediaType> acceptable(String accept) {
            try {
                return MediaType.parseMediaTypes(accept);
            } catch (InvalidMediaTypeException unreadable) {
                return List.of();
            }
        }
    }
}
