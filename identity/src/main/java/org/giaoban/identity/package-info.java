/**
 * The caller's identity as the gateway passes it to the services: who ({@link org.giaoban.identity.Caller}), what they
 * may do ({@link org.giaoban.identity.Role}), and the short-lived signed token that carries it
 * ({@link org.giaoban.identity.IdentityHeader} is the contract, {@link org.giaoban.identity.IdentityTokens} issues and
 * verifies it). Plain Java, so that the reactive gateway and the servlet services share it.
 */
package org.giaoban.identity;
