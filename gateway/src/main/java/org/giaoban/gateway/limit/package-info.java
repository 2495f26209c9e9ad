/**
 * Limits on what one caller may send: requests per second per caller (in process, or in Redis when
 * {@code spring.data.redis.host} is set, so that several gateway instances share the count), and the size of a request
 * body.
 */
package org.giaoban.gateway.limit;
