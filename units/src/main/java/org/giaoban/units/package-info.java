/**
 * The catalogue of units every service shares: the city commission {@code HN}, its 30 district and town commissions
 * and its agencies. A record belongs to one unit; a filter or a permission on a unit covers the units under it.
 */
package org.giaoban.units;
