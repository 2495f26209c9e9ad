/**
 * Enrolments (lượt học viên): learners enrolled in a class one at a time or from a class list, and withdrawn. A learner
 * is enrolled at most once per class. Event classes are stored by name: this package never moves.
 */
package org.giaoban.training.api.enrolment;
