/**
 * The suite from outside: every module started as its own JVM from its exec jar on one set of embedded stores, and
 * called over HTTP through the gateway as its users would, or straight at a service's port as an intruder would.
 */
package org.giaoban.suite.e2e;
