/**
 * Benchmarks that drive a running service over its public HTTP API, as a front-end or an import would, and measure
 * throughput and the service's memory from outside its JVM.
 */
package org.giaoban.suite.bench;
