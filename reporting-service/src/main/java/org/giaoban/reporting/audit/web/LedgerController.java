package org.giaoban.reporting.audit.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
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
class LedgerController {

    private final AuditedServices services;
    private final LedgerReads ledgers;

    LedgerController(AuditedServices services, LedgerReads ledgers) {
        this.services = services;
        this.ledgers = ledgers;
    }

    @GetMapping("/tree-heads")
    PageResponse<TreeHead> treeHeads(
            @RequestParam(required = false) String service,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        ServiceEventSource source = services.named(service);
        PageRequest paging = PageRequest.of(page, size);
        if (from != null && to != null && to.isBefore(from)) {
            refuse("to", "must not be before from");
        }
        return ledgers.treeHeads(
                source, from == null ? null : from.toString(), to == null ? null : to.toString(), paging);
    }

    @GetMapping("/tree-heads/latest")
    TreeHead latestTreeHead(@RequestParam(required = false) String service) {
        ServiceEventSource source = services.named(service);
        return ledgers.latestTreeHead(source)
                .orElseThrow(() -> new ResourceNotFoundException("signed tree head of", service));
    }

    @GetMapping("/proofs/inclusion")
    LedgerStore.InclusionProof inclusionProof(
            @RequestParam(required = false) String service,
            @RequestParam(required = false) Long position,
            @RequestParam(required = false) Long treeSize) {
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
    LedgerStore.ConsistencyProof consistencyProof(
            @RequestParam(required = false) String service,
            @RequestParam(required = false) Long from,
            @RequestParam(required = false) Long to) {
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
    List<ObjectNode> keys() {
        List<ObjectNode> keys = new ArrayList<>();
        for (ServiceEventSource source : services.all()) {
            keys.addAll(ledgers.keys(source));
        }
        return keys;
    }

    @GetMapping("/verify")
    ObjectNode verify(@RequestParam(required = false) String service) {
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
