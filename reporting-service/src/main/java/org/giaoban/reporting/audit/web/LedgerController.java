package org.giaoban.reporting.audit.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.giaoban.platform.apidoc.ApiProblem;
import org.giaoban.platform.ledger.LedgerStore;
import org.giaoban.platform.ledger.TreeHead;
import org.giaoban.platform.problem.FieldError;
import org.giaoban.platform.problem.InvalidRequestException;
import org.giaoban.platform.problem.ResourceNotFoundException;
import org.giaoban.platform.web.PageRequest;
import org.giaoban.platform.web.PageResponse;
import org.giaoban.reporting.audit.AuditedServices;
import org.giaoban.reporting.audit.LedgerReads;
import org.giaoban.reporting.source.ServiceEventSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The services' ledgers: signed tree heads, inclusion and consistency proofs (RFC 9162), the published keys, and the
 * verification of the stored rows. A position or tree size beyond what the ledger holds is a {@code 400} that names
 * the parameter; a position the ledger has not sealed (a gap, or an event too recent) is a {@code 404}.
 */
@RestController
@RequestMapping("/api/audit")
@Tag(name = AuditController.TAG, description = AuditController.TAG_DESCRIPTION)
class LedgerController {

    private static final String VERIFIED_EXAMPLE = "{\"service\":\"tasks\",\"verified\":true,\"events\":1234,"
            + "\"treeHead\":{\"service\":\"tasks\",\"treeSize\":1234,\"rootHash\":\"9c1e…\","
            + "\"timestamp\":\"2022-10-06T01:30:00Z\",\"keyId\":\"tasks-2022\",\"signature\":\"4f0a…\"}}";

    private static final String MISMATCH_EXAMPLE = "{\"service\":\"tasks\",\"verified\":false,\"firstMismatch\":"
            + "{\"position\":41,\"leafIndex\":41,\"reason\":\"the row differs from the sealed leaf\","
            + "\"expected\":\"5f2b…\",\"found\":\"a03c…\"}}";

    private static final String KEYS_EXAMPLE = "[{\"service\":\"tasks\",\"keyId\":\"tasks-2022\","
            + "\"algorithm\":\"Ed25519\",\"publicKey\":\"-----BEGIN PUBLIC KEY-----\\n…\\n-----END PUBLIC KEY-----\\n\","
            + "\"validFrom\":\"2022-01-01T00:00:00Z\",\"validTo\":null}]";

    private final AuditedServices services;
    private final LedgerReads ledgers;

    LedgerController(AuditedServices services, LedgerReads ledgers) {
        this.services = services;
        this.ledgers = ledgers;
    }

    /**
     * {@code from} and {@code to} each bound the heads by tree size (a whole number, as the consistency proofs take
     * them) or by the instant they were signed (ISO-8601), both included.
     */
    @GetMapping("/tree-heads")
    @Operation(
            operationId = "treeHeads",
            summary = "List signed tree heads",
            description = "The signed tree heads of a service's ledger, newest first, a page at a time, between two"
                    + " tree sizes or two instants.")
    PageResponse<TreeHead> treeHeads(
            @Parameter(
                            description = "The service whose ledger: tasks or training",
                            required = true,
                            schema = @Schema(allowableValues = {"tasks", "training"}))
                    @RequestParam(required = false)
                    String service,
            @Parameter(description = "From this tree size, or this instant (ISO-8601), included", example = "1000")
                    @RequestParam(required = false)
                    String from,
            @Parameter(description = "To this tree size, or this instant, included", example = "2022-10-06T00:00:00Z")
                    @RequestParam(required = false)
                    String to,
            @Parameter(description = PageRequest.PAGE_DESCRIPTION, example = "0") @RequestParam(required = false)
                    Integer page,
            @Parameter(description = PageRequest.SIZE_DESCRIPTION, example = "50") @RequestParam(required = false)
                    Integer size) {
        ServiceEventSource source = services.named(service);
        PageRequest paging = PageRequest.of(page, size);
        List<FieldError> errors = new ArrayList<>();
        Bound lower = Bound.of("from", from, errors);
        Bound upper = Bound.of("to", to, errors);
        refuseIfAny(errors);
        if (lower.size() != null && upper.size() != null && upper.size() < lower.size()
                || lower.time() != null && upper.time() != null && upper.time().isBefore(lower.time())) {
            refuse("to", "must not be before from");
        }
        return ledgers.treeHeads(
                source, new LedgerReads.HeadRange(lower.size(), upper.size(), lower.time(), upper.time()), paging);
    }

    /** A bound of the heads asked for: a tree size, an instant, or neither when absent. */
    private record Bound(Long size, Instant time) {

        static Bound of(String field, String text, List<FieldError> errors) {
            if (text == null || text.isEmpty()) {
                return new Bound(null, null);
            }
            if (text.matches("[0-9]{1,18}")) {
                return new Bound(Long.parseLong(text), null);
            }
            try {
                Instant instant = Instant.parse(text);
                int year = instant.atZone(ZoneOffset.UTC).getYear();
                if (year >= 1900 && year <= 2100) {
                    return new Bound(null, instant);
                }
            } catch (DateTimeParseException notAnInstant) {
                // answered below
            }
            errors.add(new FieldError(field, "must be a tree size or an instant such as 2022-10-06T01:30:00Z"));
            return new Bound(null, null);
        }
    }

    @GetMapping("/tree-heads/latest")
    @Operation(
            operationId = "latestTreeHead",
            summary = "The latest signed tree head",
            description = "The newest signed tree head of a service's ledger.")
    @ApiProblem(status = 404, type = "not-found", detail = "No signed tree head of has the id tasks")
    TreeHead latestTreeHead(
            @Parameter(
                            description = "The service whose ledger: tasks or training",
                            required = true,
                            schema = @Schema(allowableValues = {"tasks", "training"}))
                    @RequestParam(required = false)
                    String service) {
        ServiceEventSource source = services.named(service);
        return ledgers.latestTreeHead(source)
                .orElseThrow(() -> new ResourceNotFoundException("signed tree head of", service));
    }

    @GetMapping("/proofs/inclusion")
    @Operation(
            operationId = "inclusionProof",
            summary = "Prove an event is in the ledger",
            description = "The audit path (RFC 9162, 2.1.3) of the event at a position in the tree of a size, by"
                    + " default that of the latest signed head.")
    @ApiProblem(status = 404, type = "not-found", detail = "No sealed event of tasks at position has the id 1235")
    LedgerStore.InclusionProof inclusionProof(
            @Parameter(
                            description = "The service whose ledger: tasks or training",
                            required = true,
                            schema = @Schema(allowableValues = {"tasks", "training"}))
                    @RequestParam(required = false)
                    String service,
            @Parameter(description = "The event's position", required = true, example = "41")
                    @RequestParam(required = false)
                    Long position,
            @Parameter(description = "The tree's size; the latest signed head's when left out", example = "1234")
                    @RequestParam(required = false)
                    Long treeSize) {
        ServiceEventSource source = services.named(service);
        List<FieldError> errors = new ArrayList<>();
        if (position == null) {
            errors.add(new FieldError("position", "is required: the position of an event"));
        } else if (position < 0) {
            errors.add(new FieldError("position", "must be 0 or more"));
        }
        if (treeSize != null && treeSize < 1) {
            errors.add(new FieldError("treeSize", "must be 1 or more"));
        }
        refuseIfAny(errors);
        long head = source.head();
        if (position > head) {
            refuse("position", "is beyond the last position of " + service + ", " + head);
        }
        long sealed = ledgers.leafCount(source);
        long size = treeSize != null
                ? treeSize
                : ledgers.latestTreeHead(source)
                        .map(TreeHead::treeSize)
                        .orElseThrow(() -> new ResourceNotFoundException("signed tree head of", service));
        if (size > sealed) {
            refuse("treeSize", "is beyond the " + sealed + " leaves the ledger of " + service + " has sealed");
        }
        OptionalLong leafIndex = ledgers.leafIndexOf(source, position);
        if (leafIndex.isEmpty()) {
            throw new ResourceNotFoundException("sealed event of " + service + " at position", position);
        }
        if (leafIndex.getAsLong() >= size) {
            refuse(
                    "treeSize",
                    "the event at position " + position + " is leaf " + leafIndex.getAsLong() + ", not in a tree of "
                            + size);
        }
        return ledgers.inclusionProof(source, leafIndex.getAsLong(), size);
    }

    @GetMapping("/proofs/consistency")
    @Operation(
            operationId = "consistencyProof",
            summary = "Prove the ledger only grew",
            description = "The consistency proof (RFC 9162, 2.1.4) between the tree of one size and a later one.")
    LedgerStore.ConsistencyProof consistencyProof(
            @Parameter(
                            description = "The service whose ledger: tasks or training",
                            required = true,
                            schema = @Schema(allowableValues = {"tasks", "training"}))
                    @RequestParam(required = false)
                    String service,
            @Parameter(description = "The earlier tree's size", required = true, example = "1000")
                    @RequestParam(required = false)
                    Long from,
            @Parameter(description = "The later tree's size", required = true, example = "1234")
                    @RequestParam(required = false)
                    Long to) {
        ServiceEventSource source = services.named(service);
        List<FieldError> errors = new ArrayList<>();
        if (from == null) {
            errors.add(new FieldError("from", "is required: the size of the earlier tree"));
        } else if (from < 0) {
            errors.add(new FieldError("from", "must be 0 or more"));
        }
        if (to == null) {
            errors.add(new FieldError("to", "is required: the size of the later tree"));
        } else if (to < 0) {
            errors.add(new FieldError("to", "must be 0 or more"));
        }
        if (from != null && to != null && from > to) {
            errors.add(new FieldError("to", "must not be less than from"));
        }
        refuseIfAny(errors);
        long sealed = ledgers.leafCount(source);
        if (to > sealed) {
            refuse("to", "is beyond the " + sealed + " leaves the ledger of " + service + " has sealed");
        }
        return ledgers.consistencyProof(source, from, to);
    }

    /** Every key of both services, each with its {@code service}. */
    @GetMapping("/keys")
    @Operation(
            operationId = "ledgerKeys",
            summary = "The ledgers' public keys",
            description = "Every Ed25519 key the services signed tree heads with (PEM), each with its service and the"
                    + " time it was in use; validTo is null for the key in use.")
    @ApiResponse(
            responseCode = "200",
            description = "The keys",
            content = @Content(schema = @Schema(type = "array"), examples = @ExampleObject(value = KEYS_EXAMPLE)))
    List<ObjectNode> keys() {
        List<ObjectNode> keys = new ArrayList<>();
        for (ServiceEventSource source : services.all()) {
            keys.addAll(ledgers.keys(source));
        }
        return keys;
    }

    @GetMapping("/verify")
    @Operation(
            operationId = "verifyLedger",
            summary = "Verify a service's stored events",
            description = "Recomputes the stored rows against the signed tree heads: verified, with the number of"
                    + " events and the head they match; or the first mismatch, named by position (an edited, deleted,"
                    + " inserted or reordered row).")
    @ApiResponse(
            responseCode = "200",
            description = "The result",
            content =
                    @Content(
                            schema = @Schema(type = "object"),
                            examples = {
                                @ExampleObject(name = "verified", value = VERIFIED_EXAMPLE),
                                @ExampleObject(name = "mismatch", value = MISMATCH_EXAMPLE)
                            }))
    ObjectNode verify(
            @Parameter(
                            description = "The service whose ledger: tasks or training",
                            required = true,
                            schema = @Schema(allowableValues = {"tasks", "training"}))
                    @RequestParam(required = false)
                    String service) {
        return ledgers.verify(services.named(service));
    }

    private static void refuse(String field, String message) {
        throw new InvalidRequestException(List.of(new FieldError(field, message)));
    }

    private static void refuseIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }
}
