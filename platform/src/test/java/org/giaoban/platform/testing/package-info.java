/**
 * Test support every service's tests share, published as the platform's test jar: an in-memory MongoDB reached over
 * the wire protocol, and matchers for problem+json answers and for refusals of the domain.
 */
package org.giaoban.platform.testing;
