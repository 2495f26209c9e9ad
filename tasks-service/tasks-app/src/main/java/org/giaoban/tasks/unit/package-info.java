/** The catalogue of units, served read-only at {@code /api/units}. */
package org.giaoban.tasks.unit;
