package org.giaoban.training.trainingclass.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.giaoban.platform.web.MultilineText;
import org.giaoban.training.api.trainingclass.Bloc;
import org.giaoban.training.api.trainingclass.ClassFormat;

/** The bodies of the class endpoints, validated before any command is sent. */
final class ClassRequests {

    private ClassRequests() {}

    record Open(
            @NotBlank @Size(max = 500) String title,
            @NotBlank @Size(max = 64) String organizerUnitId,
            @NotNull Bloc bloc,
            @NotNull ClassFormat format,
            @NotNull LocalDate startsOn,
            @NotNull LocalDate endsOn,
            @Positive Integer capacity) {}

    record Cancel(@MultilineText @NotBlank @Size(max = 2000) String reason) {}
}
