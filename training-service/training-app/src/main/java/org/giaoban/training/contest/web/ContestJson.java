package org.giaoban.training.contest.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;
import org.giaoban.training.api.contest.ContestView;
import org.springframework.boot.jackson.JsonMixin;

/**
 * A contest as API.md shows it, with its participation-turns ({@code entries}) and distinct {@code participants}: the
 * {@link ContestView} of the read model, its id named {@code id}.
 */
@JsonMixin(ContestView.class)
abstract class ContestJson {

    @JsonProperty("id")
    abstract UUID contestId();
}
