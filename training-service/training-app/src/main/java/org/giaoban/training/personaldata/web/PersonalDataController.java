package org.giaoban.training.personaldata.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.giaoban.platform.web.IdResponse;
import org.giaoban.training.api.personaldata.ErasePersonalDataCommand;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Erasures of personal data, on a person's request (ADMIN only): {@code 201} with the erasure's id once the person's
 * key is gone, {@code 404} when the service holds no data of that id, {@code 400} for an id no learner or participant
 * could have. The answer never repeats the id.
 */
@RestController
@RequestMapping("/api/personal-data/erasures")
class PersonalDataController {

    private final CommandGateway commands;

    PersonalDataController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping
    ResponseEntity<IdResponse> erase(@Valid @RequestBody Erasure request) {
        UUID erasureId = UUID.randomUUID();
        commands.sendAndWait(new ErasePersonalDataCommand(erasureId, request.learnerId()));
        return ResponseEntity.created(URI.create("/api/personal-data/erasures/" + erasureId))
                .body(new IdResponse(erasureId));
    }

    /** A learner id or a contest participant id: both name a person, and a person has one key. */
    record Erasure(
            @NotNull @Pattern(regexp = "[A-Za-z0-9._@-]{1,64}", message = "must be 1 to 64 letters, digits or . _ @ -")
            String learnerId) {}
}
