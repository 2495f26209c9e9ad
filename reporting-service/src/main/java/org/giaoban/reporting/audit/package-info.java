/**
 * The read side of the auditors' ledger: each writing service's events exactly as stored, in their export form
 * ({@link org.giaoban.platform.ledger.LedgerEvent}) with the leaf hash the service sealed; the history of one record as
 * people read it; and the record of every read of these, kept append-only in reporting-service's MongoDB. Everything
 * here reads the services' stores through the read-only connections of {@link
 * org.giaoban.reporting.source.EventSources} and streams what it reads: no history is held in memory.
 */
package org.giaoban.reporting.audit;
