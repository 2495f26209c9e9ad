/**
 * Work items: the {@code Task} aggregate ({@code command}), the list and detail read model ({@code query}) and the
 * REST endpoints under {@code /api/tasks} ({@code web}).
 */
package org.giaoban.tasks.task;
