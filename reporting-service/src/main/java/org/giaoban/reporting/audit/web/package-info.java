/**
 * {@code /api/audit}: the auditors' endpoints of API.md over the services' ledgers, each read recorded before it is
 * answered ({@link org.giaoban.reporting.audit.web.AuditReadRecorder}). Every refusal is problem+json; a store that is
 * away is {@code 503} before anything of an answer is sent.
 */
package org.giaoban.reporting.audit.web;
