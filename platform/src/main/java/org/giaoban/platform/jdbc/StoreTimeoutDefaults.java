package org.giaoban.platform.jdbc;

import java.util.Map;
import org.springframework.boot.DefaultPropertiesPropertySource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Time limits on the service's database, so that a request fails within about two seconds when the database cannot
 * be reached, instead of holding its thread for HikariCP's 30 s, the driver's 10 s connect timeout or, on a
 * connection that died silently, a socket read that never ends. They are defaults: any of these properties set
 * anywhere else wins.
 *
 * <ul>
 *   <li>{@code connection-timeout} 2 s: how long a request waits for a connection from the pool. It also bounds the
 *       wait for a pooled connection under load, so a burst that keeps every connection busy for longer is answered
 *       {@code 503} rather than queued.
 *   <li>{@code validation-timeout} 1 s: the check of a pooled connection that has been idle before it is lent out,
 *       which finds a connection the database dropped.
 *   <li>the PostgreSQL driver's {@code connectTimeout} and {@code loginTimeout} 2 s, and {@code socketTimeout} 30 s:
 *       no statement of the services legitimately runs that long, while a lock wait behind another instance's
 *       batch may run for seconds; {@code tcpKeepAlive} lets the kernel notice a peer that went away. H2 ignores
 *       these driver properties.
 * </ul>
 */
public class StoreTimeoutDefaults implements EnvironmentPostProcessor {

    static final Map<String, Object> DEFAULTS = Map.of(
            "spring.datasource.hikari.connection-timeout", "2000",
            "spring.datasource.hikari.validation-timeout", "1000",
            "spring.datasource.hikari.data-source-properties.connectTimeout", "2",
            "spring.datasource.hikari.data-source-properties.loginTimeout", "2",
            "spring.datasource.hikari.data-source-properties.socketTimeout", "30",
            "spring.datasource.hikari.data-source-properties.tcpKeepAlive", "true");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        DefaultPropertiesPropertySource.addOrMerge(DEFAULTS, environment.getPropertySources());
    }
}
