/**
 * What {@code bin/giaoban up} needs beyond starting the service jars: the services' databases on a PostgreSQL server,
 * and a read-only role for reporting-service.
 */
package org.giaoban.suite.launch;
