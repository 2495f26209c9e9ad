/** Operations on the read models of reporting-service: how far each has come, and rebuilding one while reads go on. */
package org.giaoban.reporting.projection;
