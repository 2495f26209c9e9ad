/**
 * Training classes and the learners enrolled in them: the {@code TrainingClass} aggregate, which also guards
 * enrolments (once per learner, capacity, not in a cancelled class) with the roster table beside the event store
 * ({@code command}), the class list with its enrolled counts ({@code query}) and {@code /api/classes} ({@code web}).
 */
package org.giaoban.training.trainingclass;
