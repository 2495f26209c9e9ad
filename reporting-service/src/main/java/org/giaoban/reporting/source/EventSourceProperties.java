package org.giaoban.reporting.source;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the event stores of tasks-service and training-service are: a JDBC URL and credentials each. In production
 * these are read-only accounts on each service's PostgreSQL database; embedded, the services' H2 files, which only
 * their services open and serve to this one ({@code H2EventFile}).
 */
@ConfigurationProperties("giaoban.sources")
public record EventSourceProperties(Connection tasks, Connection training) {

    /** One event store's JDBC connection; {@code password} may be empty. */
    public record Connection(String url, String username, String password) {}
}
