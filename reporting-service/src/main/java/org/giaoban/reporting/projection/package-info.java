/**
 * Operations on the read models of reporting-service, whatever they hold: how far each has come, which generation of
 * each answers, folds of a service's history outside a processor, and rebuilding a read model while reads go on.
 */
package org.giaoban.reporting.projection;
