package org.giaoban.tasks.task.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;
import org.giaoban.tasks.api.task.TaskView;
import org.springframework.boot.jackson.JsonMixin;

/** A work item as API.md shows it: the {@link TaskView} of the read model, its id named {@code id}. */
@JsonMixin(TaskView.class)
abstract class TaskJson {

    @JsonProperty("id")
    abstract UUID taskId();
}
