package org.giaoban.tasks.document.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.giaoban.platform.apidoc.ApiProblem;
import org.giaoban.platform.problem.InvalidFieldException;
import org.giaoban.platform.problem.ResourceNotFoundException;
import org.giaoban.platform.web.IdResponse;
import org.giaoban.platform.web.IfMatch;
import org.giaoban.platform.web.PageRequest;
import org.giaoban.platform.web.PageResponse;
import org.giaoban.platform.web.UnitFilter;
import org.giaoban.tasks.api.document.DocumentKind;
import org.giaoban.tasks.api.document.DocumentPageView;
import org.giaoban.tasks.api.document.DocumentStatus;
import org.giaoban.tasks.api.document.DocumentView;
import org.giaoban.tasks.api.document.FindDocumentQuery;
import org.giaoban.tasks.api.document.FindDocumentsQuery;
import org.giaoban.tasks.api.document.IssueDocumentCommand;
import org.giaoban.tasks.api.document.RevokeDocumentCommand;
import org.giaoban.units.UnitCatalogue;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Direction documents over HTTP: each write is one command, each read one query of the document-list read model. */
@RestController
@RequestMapping("/api/documents")
@Tag(
        name = "Documents",
        description = "Direction documents units issue (resolutions, directives, plans, guidance, reports), each"
                + " numbered uniquely within its unit, perhaps carrying out a work item; a document can be revoked.")
class DocumentController {

    private static final String NOT_FOUND = "No document has the id 0d3c6a1e-7b2f-4e8a-9c5d-1f2e3a4b5c6d";

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final UnitCatalogue units;

    DocumentController(CommandGateway commands, QueryGateway queries, UnitCatalogue units) {
        this.commands = commands;
        this.queries = queries;
        this.units = units;
    }

    @PostMapping
    @Operation(
            operationId = "issueDocument",
            summary = "Record an issued document",
            description = "Records a document a unit issued (not in the future), with its number, unique within the"
                    + " unit, and the work item it carries out, if any.")
    @ApiResponse(
            responseCode = "201",
            description = "Recorded: the new document's id, and its address in Location",
            headers =
                    @Header(name = "Location", description = "/api/documents/{id}", schema = @Schema(type = "string")))
    @ApiProblem(
            status = 409,
            type = "document-number-taken",
            detail = "Unit HN already has a document numbered 123-KH/BTGTU.")
    ResponseEntity<IdResponse> issue(@Valid @RequestBody DocumentRequests.Issue request) {
        UUID documentId = UUID.randomUUID();
        commands.sendAndWait(new IssueDocumentCommand(
                documentId,
                request.number().strip(),
                request.title().strip(),
                request.kind(),
                request.unitId(),
                request.issuedOn(),
                request.taskId()));
        return ResponseEntity.created(URI.create("/api/documents/" + documentId))
                .body(new IdResponse(documentId));
    }

    @PostMapping("/{documentId}/revoke")
    @Operation(
            operationId = "revokeDocument",
            summary = "Revoke a document",
            description = "Marks a document as revoked, with the reason; it then counts in no report.")
    @ApiProblem(status = 404, type = "not-found", detail = NOT_FOUND)
    @ApiProblem(status = 409, type = "document-revoked", detail = "The document is already revoked.")
    IdResponse revoke(
            @Parameter(description = "The document's id", example = "0d3c6a1e-7b2f-4e8a-9c5d-1f2e3a4b5c6d")
                    @PathVariable
                    UUID documentId,
            @Valid @RequestBody DocumentRequests.Revoke request,
            @Parameter(
                            description = "The version last read (the document's version, or the ETag of GET):"
                                    + " 412 if it has changed since",
                            example = "\"0\"")
                    @RequestHeader(name = IfMatch.HEADER, required = false)
                    String ifMatch) {
        commands.sendAndWait(new RevokeDocumentCommand(documentId, request.reason(), IfMatch.expectedVersion(ifMatch)));
        return new IdResponse(documentId);
    }

    @GetMapping("/{documentId}")
    @Operation(
            operationId = "findDocument",
            summary = "Read a document",
            description =
                    "The document as it stands; its version is also in the ETag header, to send back in" + " If-Match.")
    @ApiProblem(status = 404, type = "not-found", detail = NOT_FOUND)
    ResponseEntity<DocumentView> find(
            @Parameter(description = "The document's id", example = "0d3c6a1e-7b2f-4e8a-9c5d-1f2e3a4b5c6d")
                    @PathVariable
                    UUID documentId) {
        DocumentView document = queries.query(
                        new FindDocumentQuery(documentId), ResponseTypes.optionalInstanceOf(DocumentView.class))
                .join()
                .orElseThrow(() -> new ResourceNotFoundException("document", documentId));
        return ResponseEntity.ok().eTag(IfMatch.entityTag(document.version())).body(document);
    }

    @GetMapping
    @Operation(
            operationId = "listDocuments",
            summary = "List documents",
            description = "Documents by unit (with the units under it), kind, status and day of issue, a page at a"
                    + " time.")
    PageResponse<DocumentView> list(
            @Parameter(description = "A unit: its documents and those of the units under it", example = "HN")
                    @RequestParam(required = false)
                    String unitId,
            @Parameter(description = "Only documents of this kind") @RequestParam(required = false) DocumentKind kind,
            @Parameter(description = "Only issued, or only revoked documents") @RequestParam(required = false)
                    DocumentStatus status,
            @Parameter(description = "Issued on or after this day", example = "2022-01-01")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate issuedFrom,
            @Parameter(description = "Issued on or before this day", example = "2022-09-08")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate issuedTo,
            @Parameter(description = PageRequest.PAGE_DESCRIPTION, example = "0") @RequestParam(required = false)
                    Integer page,
            @Parameter(description = PageRequest.SIZE_DESCRIPTION, example = "50") @RequestParam(required = false)
                    Integer size) {
        PageRequest paging = PageRequest.of(page, size);
        if (issuedFrom != null && issuedTo != null && issuedFrom.isAfter(issuedTo)) {
            throw new InvalidFieldException("issuedTo", "must not be before issuedFrom");
        }
        DocumentPageView found = queries.query(
                        new FindDocumentsQuery(
                                UnitFilter.selfAndUnitsUnder(units, "unitId", unitId),
                                kind,
                                status,
                                issuedFrom,
                                issuedTo,
                                paging.page(),
                                paging.size()),
                        DocumentPageView.class)
                .join();
        return new PageResponse<>(found.items(), found.page(), found.size(), found.total());
    }
}
