package org.giaoban.training.personaldata.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.giaoban.platform.apidoc.ApiProblem;
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
@Tag(
        name = "Personal data",
        description = "The erasure of a learner's or a participant's personal data (ADMIN): their key is deleted, so"
                + " their events stay as stored and read as erased; no count changes.")
class PersonalDataController {

    private final CommandGateway commands;

    PersonalDataController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping
    @Operation(
            operationId = "erasePersonalData",
            summary = "Erase a person's personal data",
            description = "Deletes the key that seals the person's id and name in every event; what was recorded of"
                    + " them reads as erased from then on, and cannot be undone.")
    @ApiResponse(
            responseCode = "201",
            description = "Erased: the erasure's id, and its address in Location",
            headers =
                    @Header(
                            name = "Location",
                            description = "/api/personal-data/erasures/{id}",
                            schema = @Schema(type = "string")))
    @ApiProblem(status = 404, type = "not-found", detail = "No person with personal data has the id given")
    ResponseEntity<IdResponse> erase(@Valid @RequestBody Erasure request) {
        UUID erasureId = UUID.randomUUID();
        commands.sendAndWait(new ErasePersonalDataCommand(erasureId, request.learnerId()));
        return ResponseEntity.created(URI.create("/api/personal-data/erasures/" + erasureId))
                .body(new IdResponse(erasureId));
    }

    /** A learner id or a contest participant id: both name a person, and a person has one key. */
    @Schema(name = "PersonalDataErasure", description = "Whose personal data to erase")
    record Erasure(
            @Schema(description = "A learner's id or a contest participant's id", example = "079301000123")
            @NotNull
            @Pattern(regexp = "[A-Za-z0-9._@-]{1,64}", message = "must be 1 to 64 letters, digits or . _ @ -")
            String learnerId) {}
}
