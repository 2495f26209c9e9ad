/**
 * Passes the signed-in caller on to the services: a short-lived JWT in {@code X-Giaoban-Identity}, signed with a
 * secret the gateway and the services share ({@link org.giaoban.identity.IdentityHeader} is the contract).
 */
package org.giaoban.gateway.identity;
