/**
 * The caller's identity as the services receive it: a short-lived JWT in {@code X-Giaoban-Identity}, signed with a
 * secret the gateway and the services share. {@link org.giaoban.gateway.identity.IdentityHeader} is the contract.
 */
package org.giaoban.gateway.identity;
