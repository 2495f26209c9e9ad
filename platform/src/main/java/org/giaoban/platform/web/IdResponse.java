package org.giaoban.platform.web;

import java.util.UUID;

/** The answer to a write: the id of the record created or changed. */
public record IdResponse(UUID id) {}
