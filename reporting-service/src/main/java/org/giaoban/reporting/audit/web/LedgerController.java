package org.giaoban.reporting.audit.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
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

    /**
     * {@code from} and {@code to} each bound the heads by tree size (a whole number, as the consistency proofs take
     * them) or by the instant they were signed (ISO-8601), both included.
     */
    @GetMapping("/tree-heads")
    PageResponse<TreeHead> treeHeads(
            @RequestParam(required = false) String service,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
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
