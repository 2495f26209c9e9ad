package org.giaoban.training.enrolment.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.giaoban.platform.problem.BatchTooLargeException;
import org.giaoban.platform.problem.DomainRuleViolation;
import org.giaoban.platform.problem.FieldError;
import org.giaoban.platform.problem.InvalidFieldException;
import org.giaoban.platform.problem.InvalidRequestException;
import org.giaoban.training.api.enrolment.EnrolLearnersCommand;
import org.giaoban.training.api.enrolment.EnrolmentOutcome;
import org.giaoban.training.api.enrolment.EnrolmentOutcome.RefusedLearner;
import org.giaoban.training.api.enrolment.Learner;
import org.giaoban.training.api.enrolment.WithdrawLearnerCommand;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Enrolments: one learner ({@code 201}, or {@code 409} when enrolled already, the class full or cancelled), a list as
 * JSON or as a CSV class list (one answer per row: accepted, duplicate or refused with its reason), and withdrawal.
 */
@RestController
@RequestMapping("/api/classes/{classId}/enrolments")
class EnrolmentController {

    static final int MAX_BATCH = 10_000;
    static final String TEXT_CSV = "text/csv";

    private final CommandGateway commands;

    EnrolmentController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<EnrolmentRequests.Enrolled> enrol(
            @PathVariable UUID classId, @Valid @RequestBody EnrolmentRequests.Enrol request) {
        EnrolmentOutcome outcome = enrolAll(classId, List.of(request.toLearner()));
        if (outcome.duplicates() > 0) {
            throw new DomainRuleViolation(
                    "already-enrolled", "Learner " + request.learnerId() + " is already enrolled in this class.");
        }
        if (!outcome.rejected().isEmpty()) {
            throw refusal(outcome.rejected().get(0));
        }
        return ResponseEntity.created(URI.create("/api/classes/" + classId + "/enrolments/" + request.learnerId()))
                .body(new EnrolmentRequests.Enrolled(classId.toString(), request.learnerId()));
    }

    @PostMapping(path = "/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
    EnrolmentOutcome enrolList(@PathVariable UUID classId, @Valid @RequestBody EnrolmentRequests.Batch request) {
        return enrolAll(classId, request.learners());
    }

    @PostMapping(path = "/batch", consumes = TEXT_CSV)
    EnrolmentOutcome enrolClassList(@PathVariable UUID classId, HttpServletRequest request) throws IOException {
        return enrolAll(classId, ClassListCsv.parse(request.getInputStream(), MAX_BATCH));
    }

    @DeleteMapping("/{learnerId}")
    ResponseEntity<Void> withdraw(@PathVariable UUID classId, @PathVariable String learnerId) {
        commands.sendAndWait(new WithdrawLearnerCommand(classId, learnerId));
        return ResponseEntity.noContent().build();
    }

    private EnrolmentOutcome enrolAll(UUID classId, List<Learner> learners) {
        if (learners.isEmpty()) {
            throw new InvalidRequestException(List.of(new FieldError("learners", "must name at least one learner")));
        }
        if (learners.size() > MAX_BATCH) {
            throw new BatchTooLargeException(learners.size(), MAX_BATCH);
        }
        return commands.sendAndWait(new EnrolLearnersCommand(classId, learners));
    }

    /** The refusal of a single learner, as the status API.md gives it: a full class is a rule, the rest bad input. */
    private static RuntimeException refusal(RefusedLearner refused) {
        return switch (refused.code()) {
            case "class-full" -> new DomainRuleViolation("class-full", "Not enrolled: " + refused.reason() + ".");
            case "unknown-unit" -> new InvalidFieldException("unitId", refused.reason());
            case "invalid-full-name" -> new InvalidFieldException("fullName", refused.reason());
            default -> new InvalidFieldException("learnerId", refused.reason());
        };
    }
}
