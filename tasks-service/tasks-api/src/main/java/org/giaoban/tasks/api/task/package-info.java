/**
 * Work items (đầu việc) of a unit's programme: the commands that plan, complete, reopen, reschedule and cancel them,
 * the events that record it, and the queries and views of the list. Event classes are stored by name: this package
 * never moves.
 */
package org.giaoban.tasks.api.task;
