/**
 * The briefing read model: the facts the counting rules need about every work item, document, class, plan and
 * contest, grouped by unit (and year) so that a report reads a few dozen documents by {@code _id}; and the report
 * computed from them, live or "as recorded at" an instant.
 */
package org.giaoban.reporting.briefing.query;
