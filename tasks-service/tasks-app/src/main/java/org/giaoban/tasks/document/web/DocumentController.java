package org.giaoban.tasks.document.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
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
class DocumentController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final UnitCatalogue units;

    DocumentController(CommandGateway commands, QueryGateway queries, UnitCatalogue units) {
        this.commands = commands;
        this.queries = queries;
        this.units = units;
    }

    @PostMapping
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
    IdResponse revoke(
            @PathVariable UUID documentId,
            @Valid @RequestBody DocumentRequests.Revoke request,
            @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        commands.sendAndWait(new RevokeDocumentCommand(documentId, request.reason(), IfMatch.expectedVersion(ifMatch)));
        return new IdResponse(documentId);
    }

    @GetMapping("/{documentId}")
    ResponseEntity<DocumentView> find(@PathVariable UUID documentId) {
        DocumentView document = queries.query(
                        new FindDocumentQuery(documentId), ResponseTypes.optionalInstanceOf(DocumentView.class))
                .join()
                .orElseThrow(() -> new ResourceNotFoundException("document", documentId));
        return ResponseEntity.ok().eTag(IfMatch.entityTag(document.version())).body(document);
    }

    @GetMapping
    PageResponse<DocumentView> list(
            @RequestParam(required = false) String unitId,
            @RequestParam(required = false) DocumentKind kind,
            @RequestParam(required = false) DocumentStatus status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedTo,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
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
