/** The briefing report over HTTP: JSON, CSV or an Excel workbook, live or as recorded at an instant. */
package org.giaoban.reporting.briefing.web;
