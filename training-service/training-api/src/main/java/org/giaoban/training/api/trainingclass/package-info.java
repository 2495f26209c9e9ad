/**
 * Training classes (lớp bồi dưỡng) by bloc and format: opening and cancelling them, and the queries of the class
 * list. Event classes are stored by name: this package never moves.
 */
package org.giaoban.training.api.trainingclass;
