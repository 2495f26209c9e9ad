/** {@code /api/admin/projections}: read models' status and rebuilds, for administrators. */
package org.giaoban.reporting.projection.web;
