package org.giaoban.training.enrolment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.giaoban.platform.access.UnitWriteAccess;
import org.giaoban.platform.apidoc.ApiProblem;
import org.giaoban.platform.problem.ResourceNotFoundException;
import org.giaoban.platform.web.PageRequest;
import org.giaoban.platform.web.PageResponse;
import org.giaoban.platform.web.RequestMetadata;
import org.giaoban.training.api.enrolment.Learner;
import org.giaoban.training.api.enrolment.LearnerWithdrawnEvent;
import org.giaoban.training.api.enrolment.LearnersEnrolledEvent;
import org.giaoban.training.api.trainingclass.TrainingClassOpenedEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The class list: {@code GET /api/classes/{classId}/enrolments}, the learners enrolled now, in the order they were
 * enrolled, a page at a time. It is read from the class's own events through the service's serializer, which opens
 * each learner's sealed fields, rather than kept in a read model: no copy of a name exists that an erasure would have
 * to find. Names and identity numbers are shown in clear only to those who may change the class's learners (an ADMIN,
 * an OFFICER of the organising unit or a unit above it); everyone else sees the identity number masked
 * ({@link #masked}) and no name. A learner whose data was erased is listed as {@code erased}, without id or name.
 */
@RestController
@RequestMapping("/api/classes/{classId}/enrolments")
@Tag(name = EnrolmentController.TAG)
class ClassListController {

    private final EventStore events;
    private final UnitWriteAccess access;

    ClassListController(EventStore events, UnitWriteAccess access) {
        this.events = events;
        this.access = access;
    }

    /** One learner of the list; {@code learnerId} masked and {@code fullName} null for a caller without the need. */
    @Schema(description = "A learner enrolled in a class, as the caller may see them")
    record EnrolledLearner(
            @Schema(
                    description = "Their id: in clear for a caller who may write for the class's unit, masked"
                            + " for others; null once their personal data is erased",
                    example = "0793******23")
            String learnerId,

            @Schema(
                    description =
                            "Their full name, for a caller who may write for the class's unit; null" + " otherwise",
                    example = "Nguyễn Thị Hà")
            String fullName,

            @Schema(description = "Their unit", example = "HN-HOANKIEM")
            String unitId,

            @Schema(description = "Whether their personal data has been erased", example = "false")
            boolean erased) {}

    @GetMapping
    @Operation(
            operationId = "listEnrolments",
            summary = "List the learners of a class",
            description = "The learners enrolled and not withdrawn, in order of enrolment, a page at a time. Their ids"
                    + " and names are shown in clear only to an ADMIN or an OFFICER of the organising unit.")
    @ApiProblem(status = 404, type = "not-found", detail = "No class has the id 5b7e2c1a-3d4f-4a6b-8c9d-0e1f2a3b4c5d")
    PageResponse<EnrolledLearner> classList(
            @Parameter(description = "The class's id", example = "5b7e2c1a-3d4f-4a6b-8c9d-0e1f2a3b4c5d") @PathVariable
                    UUID classId,
            @Parameter(description = PageRequest.PAGE_DESCRIPTION, example = "0") @RequestParam(required = false)
                    Integer page,
            @Parameter(description = PageRequest.SIZE_DESCRIPTION, example = "50") @RequestParam(required = false)
                    Integer size) {
        PageRequest paging = PageRequest.of(page, size);
        DomainEventStream stream = events.readEvents(classId.toString());
        if (!stream.hasNext() || !(stream.peek().getPayload() instanceof TrainingClassOpenedEvent opened)) {
            throw new ResourceNotFoundException("class", classId);
        }
        boolean inClear = RequestMetadata.current()
                .map(request -> request.callerMayWriteFor(opened.organizerUnitId(), access))
                .orElse(false);
        List<Learner> learners = enrolledNow(stream);
        List<EnrolledLearner> items = new ArrayList<>();
        long from = Math.min(paging.offset(), learners.size());
        for (Learner learner : learners.subList((int) from, (int) Math.min(from + paging.size(), learners.size()))) {
            items.add(shown(learner, inClear));
        }
        return new PageResponse<>(items, paging.page(), paging.size(), learners.size());
    }

    /**
     * Enrolled minus withdrawn. An erased learner's enrolment and withdrawal both read without an id, so the erased
     * ones still enrolled are as many enrolments as withdrawals without an id (their withdrawal came after).
     */
    private static List<Learner> enrolledNow(Iterator<? extends DomainEventMessage<?>> stream) {
        Map<Object, Learner> enrolled = new LinkedHashMap<>();
        List<Object> erased = new ArrayList<>();
        while (stream.hasNext()) {
            Object event = stream.next().getPayload();
            if (event instanceof LearnersEnrolledEvent enrolment) {
                for (Learner learner : enrolment.learners()) {
                    Object key = learner.learnerId() != null ? learner.learnerId() : new Object();
                    if (learner.learnerId() == null) {
                        erased.add(key);
                    }
                    enrolled.put(key, learner);
                }
            } else if (event instanceof LearnerWithdrawnEvent withdrawal) {
                if (withdrawal.learnerId() != null) {
                    enrolled.remove(withdrawal.learnerId());
                } else if (!erased.isEmpty()) {
                    enrolled.remove(erased.remove(0));
                }
            }
        }
        return List.copyOf(enrolled.values());
    }

    private static EnrolledLearner shown(Learner learner, boolean inClear) {
        if (learner.learnerId() == null) {
            return new EnrolledLearner(null, null, learner.unitId(), true);
        }
        return inClear
                ? new EnrolledLearner(learner.learnerId(), learner.fullName(), learner.unitId(), false)
                : new EnrolledLearner(masked(learner.learnerId()), null, learner.unitId(), false);
    }

    /** An identity number as those without the need see it: its first four and last two characters, {@code 0793******23}. */
    static String masked(String learnerId) {
        if (learnerId.length() <= 6) {
            return "*".repeat(learnerId.length());
        }
        return learnerId.substring(0, 4)
                + "*".repeat(learnerId.length() - 6)
                + learnerId.substring(learnerId.length() - 2);
    }
}
