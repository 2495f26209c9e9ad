/** reporting-service: no aggregates; projections over both services' events, the briefing report and its operations. */
package org.giaoban.reporting;
