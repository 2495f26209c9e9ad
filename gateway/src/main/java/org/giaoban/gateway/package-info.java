/**
 * The gateway (Spring Cloud Gateway on WebFlux): routes to the services (application.yml), sign-in and coarse role
 * checks ({@code security}), the caller's signed identity for the services ({@code identity}), rate and size limits
 * ({@code limit}), correlation ids, forwarded headers and unavailable services ({@code routing}), and problem+json for
 * every error it makes itself ({@code problem}).
 */
package org.giaoban.gateway;
