package org.giaoban.training.enrolment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.giaoban.platform.apidoc.ApiProblem;
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
@Tag(
        name = EnrolmentController.TAG,
        description = "Learners enrolled in a class, one at a time or by class list, and withdrawn.")
class EnrolmentController {

    static final String TAG = "Enrolments";

    static final int MAX_BATCH = 10_000;
    static final String TEXT_CSV = "text/csv";

    private static final String BATCH_DESCRIPTION = "Enrols up to 10,000 learners at once, as JSON or as a CSV"
            + " class list. Each row is judged on its own: the answer counts the learners enrolled and those enrolled"
            + " already, and lists every refused row with its index and reason (an unknown unit, a full class...).";

    private final CommandGateway commands;

    EnrolmentController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "enrolLearner",
            summary = "Enrol a learner in a class",
            description =
                    "Enrols one learner; refused when they are enrolled already, the class is full or" + " cancelled.")
    @ApiResponse(
            responseCode = "201",
            description = "Enrolled, at the address in Location",
            headers =
                    @Header(
                            name = "Location",
                            description = "/api/classes/{classId}/enrolments/{learnerId}",
                            schema = @Schema(type = "string")))
    @ApiProblem(status = 404, type = "not-found", detail = "No record has the id 5b7e2c1a-3d4f-4a6b-8c9d-0e1f2a3b4c5d")
    @ApiProblem(
            status = 409,
            type = "already-enrolled",
            detail = "Learner 079301000123 is already enrolled in this class.")
    @ApiProblem(
            status = 409,
            type = "class-full",
            detail = "Not enrolled: the class is full: all 120 places are taken.")
    @ApiProblem(status = 409, type = "class-cancelled", detail = "The class is cancelled; it cannot take enrolments.")
    ResponseEntity<EnrolmentRequests.Enrolled> enrol(
            @Parameter(description = "The class's id", example = "5b7e2c1a-3d4f-4a6b-8c9d-0e1f2a3b4c5d") @PathVariable
                    UUID classId,
            @Valid @RequestBody EnrolmentRequests.Enrol request) {
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
    @Operation(operationId = "enrolLearners", summary = "Enrol a class list", description = BATCH_DESCRIPTION)
    @ApiProblem(status = 404, type = "not-found", detail = "No record has the id 5b7e2c1a-3d4f-4a6b-8c9d-0e1f2a3b4c5d")
    @ApiProblem(status = 409, type = "class-cancelled", detail = "The class is cancelled; it cannot take enrolments.")
    @ApiProblem(
            status = 413,
            type = "batch-too-large",
            detail = "The batch has 10001 rows; one request takes at most 10000.")
    EnrolmentOutcome enrolList(
            @Parameter(description = "The class's id", example = "5b7e2c1a-3d4f-4a6b-8c9d-0e1f2a3b4c5d") @PathVariable
                    UUID classId,
            @Valid @RequestBody EnrolmentRequests.Batch request) {
        return enrolAll(classId, request.learners());
    }

    @PostMapping(path = "/batch", consumes = TEXT_CSV)
    @Operation(
            operationId = "enrolLearners",
            summary = "Enrol a class list",
            description = BATCH_DESCRIPTION,
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            description = "The class list as CSV: the header learnerId,fullName,unitId, then a learner"
                                    + " a row",
                            content =
                                    @Content(
                                            mediaType = TEXT_CSV,
                                            schema =
                                                    @Schema(
                                                            type = "string",
                                                            example = "learnerId,fullName,unitId\n"
                                                                    + "079301000123,Nguyễn Thị Hà,HN-HOANKIEM\n"))))
    @ApiProblem(status = 404, type = "not-found", detail = "No record has the id 5b7e2c1a-3d4f-4a6b-8c9d-0e1f2a3b4c5d")
    @ApiProblem(status = 409, type = "class-cancelled", detail = "The class is cancelled; it cannot take enrolments.")
    @ApiProblem(
            status = 413,
            type = "batch-too-large",
            detail = "The batch has 10001 rows; one request takes at most 10000.")
    EnrolmentOutcome enrolClassList(
            @Parameter(description = "The class's id", example = "5b7e2c1a-3d4f-4a6b-8c9d-0e1f2a3b4c5d") @PathVariable
                    UUID classId,
            @Parameter(hidden = true) HttpServletRequest request)
            throws IOException {
        return enrolAll(classId, ClassListCsv.parse(request.getInputStream(), MAX_BATCH));
    }

    @DeleteMapping("/{learnerId}")
    @Operation(
            operationId = "withdrawLearner",
            summary = "Withdraw a learner from a class",
            description = "Takes a learner off the class list; they count no longer among its learners.")
    @ApiResponse(responseCode = "204", description = "Withdrawn")
    @ApiProblem(status = 404, type = "not-found", detail = "No enrolment in this class has the id 079301000123")
    @ApiProblem(
            status = 409,
            type = "class-cancelled",
            detail = "The class is cancelled; it cannot change its learners.")
    ResponseEntity<Void> withdraw(
            @Parameter(description = "The class's id", example = "5b7e2c1a-3d4f-4a6b-8c9d-0e1f2a3b4c5d") @PathVariable
                    UUID classId,
            @Parameter(description = "The learner's id", example = "079301000123") @PathVariable String learnerId) {
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
