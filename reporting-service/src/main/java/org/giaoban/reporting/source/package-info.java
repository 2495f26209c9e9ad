/** The event stores of the other services, read-only: where every read model of reporting-service comes from. */
package org.giaoban.reporting.source;
