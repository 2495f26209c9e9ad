/**
 * Sign-in and coarse role checks. Users sign in with HTTP Basic against the users in {@code giaoban.gateway.users}
 * (bcrypt hashes), or with an OIDC bearer JWT when {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} is set.
 * Either way the caller becomes a {@link org.giaoban.identity.Caller}: name, roles, unit. {@link
 * org.giaoban.gateway.security.AccessRules} are the gateway's checks; the services enforce the finer ones (an
 * officer's unit).
 */
package org.giaoban.gateway.security;
