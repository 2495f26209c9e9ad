/**
 * The auditors' command line, working from files: {@link org.giaoban.reporting.audit.offline.AuditExport} writes a
 * service's events, tree heads and keys from the API to a directory, streamed to disk;
 * {@link org.giaoban.reporting.audit.offline.OfflineVerification} checks such a directory with no service and no
 * database. {@link org.giaoban.reporting.audit.offline.AuditCommand} is the entry point {@code bin/giaoban audit} runs
 * from reporting-service's jar.
 */
package org.giaoban.reporting.audit.offline;
