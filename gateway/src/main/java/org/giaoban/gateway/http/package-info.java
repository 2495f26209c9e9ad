/**
 * What the gateway does to every request and answer on the way through: correlation ids, CORS for browsers, and the
 * forwarded headers that tell a service the address the caller used.
 */
package org.giaoban.gateway.http;
