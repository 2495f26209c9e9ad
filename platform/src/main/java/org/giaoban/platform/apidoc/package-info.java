/**
 * The OpenAPI documents of the services, as front-end developers read them in Swagger UI at the gateway: how to sign
 * in, and every problem+json answer an operation can give with its {@code type}. Each controller describes its own
 * operations and the refusals only it knows ({@link org.giaoban.platform.apidoc.ApiProblem}); the answers every
 * operation of a kind shares are added here, from the same rules that give them.
 */
package org.giaoban.platform.apidoc;
