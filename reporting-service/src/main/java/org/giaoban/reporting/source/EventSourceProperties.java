package org.giaoban.reporting.source;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the event stores of tasks-service and training-service are: a JDBC URL and credentials each. In production
 * these are read-only accounts on each service's PostgreSQL database; embedded, the services' H2 files, which H2's
 * automatic server mode lets several processes open.
 */
@ConfigurationProperties("giaoban.sources")
public record EventSourceProperties(Connection tasks, Connection training) {

    /** One event store's JDBC connection; {@code password} may be empty. */
    public record Connection(String url, String username, String password) {}
}
