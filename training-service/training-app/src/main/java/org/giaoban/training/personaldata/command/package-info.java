/** The erasure of a person's personal data: their key, their lookup rows, and the record that it was done. */
package org.giaoban.training.personaldata.command;
