/**
 * The gateway (Spring Cloud Gateway on WebFlux): routes to the services (application.yml), sign-in and coarse role
 * checks ({@code security}), the caller's signed identity for the services ({@code identity}), rate and size limits
 * ({@code limit}), correlation ids, CORS and forwarded headers ({@code http}), and problem+json for every error it
 * makes itself, a service down or too slow among them ({@code problem}).
 */
package org.giaoban.gateway;
