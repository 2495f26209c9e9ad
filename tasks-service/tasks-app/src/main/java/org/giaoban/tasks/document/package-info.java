/**
 * Direction documents: the {@code Document} aggregate and the set-based rule that a number is unique within its unit
 * ({@code command}), the list read model ({@code query}) and the REST endpoints under {@code /api/documents}
 * ({@code web}).
 */
package org.giaoban.tasks.document;
