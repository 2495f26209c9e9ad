/**
 * Infrastructure every giaoban service shares and nothing of any domain: Axon wired to a JDBC event store with JSON
 * events, tracking tokens and sagas in MongoDB, the embedded stand-ins used when no store is configured, problem+json
 * errors, request metadata on every event, and the HTTP conventions of the API (Idempotency-Key, If-Match).
 */
package org.giaoban.platform;
