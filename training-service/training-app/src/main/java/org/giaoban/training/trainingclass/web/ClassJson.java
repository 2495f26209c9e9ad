package org.giaoban.training.trainingclass.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;
import org.giaoban.training.api.trainingclass.TrainingClassView;
import org.springframework.boot.jackson.JsonMixin;

/**
 * A training class as API.md shows it, with {@code enrolled}: the {@link TrainingClassView} of the read model, its id
 * named {@code id}.
 */
@JsonMixin(TrainingClassView.class)
abstract class ClassJson {

    @JsonProperty("id")
    abstract UUID classId();
}
