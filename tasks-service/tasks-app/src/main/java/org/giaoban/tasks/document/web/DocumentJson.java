package org.giaoban.tasks.document.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;
import org.giaoban.tasks.api.document.DocumentView;
import org.springframework.boot.jackson.JsonMixin;

/** A direction document as API.md shows it: the {@link DocumentView} of the read model, its id named {@code id}. */
@JsonMixin(DocumentView.class)
abstract class DocumentJson {

    @JsonProperty("id")
    abstract UUID documentId();
}
