package org.giaoban.gateway.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.giaoban.gateway.GatewaySettings;
import org.giaoban.gateway.limit.CallerRateLimiter;
import org.giaoban.gateway.limit.RateLimitFilter;
import org.giaoban.gateway.problem.Problem;
import org.giaoban.gateway.problem.ProblemWriter;
import org.giaoban.gateway.problem.Problems;
import org.giaoban.units.UnitCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestHandler;
import org.springframework.security.web.server.csrf.WebSessionServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.server.session.WebSessionIdResolver;

/**
 * Sign-in on every request for API clients: HTTP Basic always, OIDC bearer tokens when Spring Boot has made a JWT
 * decoder (that is, when {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} is set); neither makes a session.
 * The dashboard signs in once at {@code /api/session} and is then known by its session cookie, with a CSRF token on
 * every request that may change something ({@link PageSessions}). Health, the Swagger UI, the OpenAPI documents and
 * the dashboard's own files are open; everything else needs a caller whom {@link AccessRules} allow.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(OAuth2ResourceServerProperties.class)
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    static final String[] OPEN_PATHS = {
        "/actuator/health",
        "/actuator/health/**",
        "/actuator/info",
        "/swagger-ui.html",
        "/swagger-ui/**",
        "/webjars/**",
        "/v3/api-docs",
        "/v3/api-docs/**",
        "/",
        "/index.html",
        "/dashboard/**",
        "/favicon.svg",
        PageSessions.PATH
    };

    @Bean
    Callers callers() {
        return new Callers(UnitCatalogue.hanoi());
    }

    @Bean
    ConfiguredUsers configuredUsers(GatewaySettings settings, Callers callers, ObjectProvider<Clock> clock) {
        List<GatewaySettings.User> configured = new ArrayList<>(settings.users());
        if (!settings.demoPassword().isBlank()) {
            configured.addAll(DemoUsers.withPassword(settings.demoPassword(), UnitCatalogue.hanoi()));
            log.warn("Demonstration users (admin, auditor, viewer, an officer per district) may sign in");
        }
        ConfiguredUsers users = new ConfiguredUsers(
                configured,
                callers,
                clock.getIfAvailable(Clock::systemUTC),
                settings.signIn().concurrentChecksOrProcessors(),
                ConfiguredUsers.WAIT_FOR_A_CHECK);
        if (users.size() == 0) {
            log.warn("No users in giaoban.gateway.users: nobody can sign in with HTTP Basic");
        } else {
            log.info("{} users may sign in with HTTP Basic", users.size());
        }
        return users;
    }

    @Bean
    SignInThrottle signInThrottle(GatewaySettings settings, ObjectProvider<Clock> clock) {
        GatewaySettings.SignIn signIn = settings.signIn();
        return new SignInThrottle(
                signIn.freeFailures(),
                signIn.firstLockout(),
                signIn.longestLockout(),
                signIn.forgetAfter(),
                clock.getIfAvailable(Clock::systemUTC));
    }

    /**
     * An issuer serves many clients; without an audience to check, a token it issued to any of them would sign in
     * here. So an issuer needs {@code spring.security.oauth2.resourceserver.jwt.audiences}, which Spring Boot's decoder
     * then checks.
     */
    static void requireAudiences(OAuth2ResourceServerProperties resourceServer) {
        List<String> audiences = resourceServer.getJwt().getAudiences();
        if (audiences == null || audiences.isEmpty()) {
            throw new IllegalStateException("spring.security.oauth2.resourceserver.jwt.issuer-uri is set without"
                    + " spring.security.oauth2.resourceserver.jwt.audiences: name the audience (the client id) that"
                    + " tokens for this gateway carry, or a token the issuer made for any other client would sign in");
        }
    }

    @Bean
    ServerSecurityContextRepository securityContexts() {
        return new WebSessionServerSecurityContextRepository();
    }

    @Bean
    ServerCsrfTokenRepository csrfTokens() {
        WebSessionServerCsrfTokenRepository tokens = new WebSessionServerCsrfTokenRepository();
        tokens.setHeaderName(PageSessions.CSRF_HEADER);
        return tokens;
    }

    /** Each answer gives the token masked afresh, so that a compressed answer does not leak it (BREACH). */
    @Bean
    ServerCsrfTokenRequestHandler csrfTokenHandler() {
        return new XorServerCsrfTokenRequestAttributeHandler();
    }

    @Bean
    WebSessionIdResolver sessionCookies() {
        return PageSessions.cookieResolver();
    }

    /** A path Spring Security's firewall refuses ({@code ..}, encoded slashes, {@code ;}) is 400 problem+json. */
    @Bean
    ServerExchangeRejectedHandler rejectedRequests(ProblemWriter problems) {
        return (exchange, rejected) -> problems.write(
                exchange,
                Problem.of(
                        HttpStatus.BAD_REQUEST,
                        "rejected-request",
                        "Request rejected",
                        "The path or the headers of the request are not accepted: no '..', encoded slashes,"
                                + " semicolons or double slashes in paths."));
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(
            ServerHttpSecurity http,
            ConfiguredUsers users,
            Callers callers,
            ObjectProvider<ReactiveJwtDecoder> jwtDecoder,
            OAuth2ResourceServerProperties resourceServer,
            CallerRateLimiter rateLimiter,
            SignInThrottle signInThrottle,
            GatewaySettings settings,
            ProblemWriter problems,
            ServerSecurityContextRepository securityContexts,
            ServerCsrfTokenRepository csrfTokens,
            ServerCsrfTokenRequestHandler csrfTokenHandler) {
        ReactiveJwtDecoder decoder = jwtDecoder.getIfAvailable();
        ProblemEntryPoint entryPoint = new ProblemEntryPoint(problems, decoder != null);
        ProblemAccessDeniedHandler accessDenied = new ProblemAccessDeniedHandler(problems);
        http.csrf(csrf -> csrf.requireCsrfProtectionMatcher(PageSessions.requiringCsrfToken())
                        .csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(csrfTokenHandler)
                        .accessDeniedHandler((exchange, denied) -> problems.write(exchange, Problems.csrfRefused())))
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(securityContexts)
                .httpBasic(basic -> basic.authenticationManager(users)
                        .authenticationEntryPoint(entryPoint)
                        // A Basic sign-in holds for its own request: it starts no session.
                        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance()))
                .exceptionHandling(handling ->
                        handling.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(OPEN_PATHS)
                        .permitAll()
                        .anyExchange()
                        .access(new AccessRules()))
                .addFilterBefore(
                        new SignInThrottleFilter(signInThrottle, users, problems), SecurityWebFiltersOrder.HTTP_BASIC)
                .addFilterBefore(new RateLimitFilter(rateLimiter, problems), SecurityWebFiltersOrder.AUTHORIZATION);
        if (decoder != null) {
            requireAudiences(resourceServer);
            log.info(
                    "OIDC bearer tokens accepted from {} for {}",
                    resourceServer.getJwt().getIssuerUri(),
                    resourceServer.getJwt().getAudiences());
            JwtCallers jwtCallers = new JwtCallers(
                    callers,
                    resourceServer.getJwt().getPrincipalClaimName(),
                    settings.oidc().rolesClaim(),
                    settings.oidc().unitClaim());
            http.oauth2ResourceServer(oauth -> oauth.authenticationEntryPoint(entryPoint)
                    .accessDeniedHandler(accessDenied)
                    .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(jwtCallers)));
        }
        return http.build();
    }
}
