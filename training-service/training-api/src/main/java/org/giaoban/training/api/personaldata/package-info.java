/**
 * Learners' and contest participants' personal data: the request to erase a person's data and the record that it was
 * erased. Event classes are stored by name: this package never moves.
 */
package org.giaoban.training.api.personaldata;
