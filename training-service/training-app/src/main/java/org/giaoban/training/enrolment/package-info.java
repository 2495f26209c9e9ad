/**
 * Enrolment endpoints ({@code /api/classes/{id}/enrolments}): one learner, a JSON list or a CSV class list of up to
 * 10,000 rows. Enrolment commands are handled by the training-class aggregate.
 */
package org.giaoban.training.enrolment;
