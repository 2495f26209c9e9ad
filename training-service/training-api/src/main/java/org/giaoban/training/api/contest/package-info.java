/**
 * Online contests (cuộc thi trực tuyến) and their entries (participation-turns). Entries are recorded in batches with
 * no aggregate that grows with them. Event classes are stored by name: this package never moves.
 */
package org.giaoban.training.api.contest;
