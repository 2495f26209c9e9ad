package org.giaoban.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.giaoban.identity.IdentityHeader;
import org.giaoban.identity.IdentitySecret;
import org.giaoban.identity.IdentityTokens;
import org.giaoban.platform.access.UnitWriteAccess;
import org.giaoban.platform.problem.ProblemResponses;
import org.giaoban.units.UnitCatalogue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The HTTP conventions of API.md that every service shares: request metadata, the caller the gateway vouched for,
 * Idempotency-Key, problem+json, and how request bodies are read ({@link RequestJson}).
 */
@AutoConfiguration(after = JdbcTemplateAutoConfiguration.class)
@Import({ProblemResponses.class, RequestJson.class})
public class WebConfiguration {

    @Bean
    public FilterRegistrationBean<RequestMetadataFilter> requestMetadataFilter() {
        FilterRegistrationBean<RequestMetadataFilter> registration =
                new FilterRegistrationBean<>(new RequestMetadataFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /**
     * Verifies the caller the gateway signed for this service, named by {@code spring.application.name}; the secret is
     * the gateway's (see {@link IdentityHeader}).
     */
    @Bean
    @ConditionalOnMissingBean
    public IdentityTokens identityTokens(
            @Value("${" + IdentityHeader.SECRET_PROPERTY + ":}") String secret,
            @Value("${giaoban.data-dir:./data}") Path dataDir,
            @Value("${spring.application.name:}") String service,
            ObjectProvider<Clock> clock) {
        return new IdentityTokens(
                IdentitySecret.resolve(secret, dataDir), clock.getIfAvailable(Clock::systemUTC), service);
    }

    /** After the request metadata, which its refusals carry; before idempotency, so a refused request claims no key. */
    @Bean
    public FilterRegistrationBean<CallerIdentityFilter> callerIdentityFilter(
            IdentityTokens identityTokens, ObjectMapper objectMapper) {
        FilterRegistrationBean<CallerIdentityFilter> registration =
                new FilterRegistrationBean<>(new CallerIdentityFilter(identityTokens, objectMapper));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 15);
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    @Bean
    @ConditionalOnBean(UnitCatalogue.class)
    public UnitWriteAccess unitWriteAccess(UnitCatalogue units) {
        return new UnitWriteAccess(units);
    }

    /** Idempotency keys are claimed in the service's database; a service without one has no writes to repeat. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(JdbcTemplate.class)
    static class Idempotency {

        /** {@code giaoban.idempotency.retention}: how long a key and its answer are kept (24 h). */
        @Bean
        IdempotencyRecords idempotencyRecords(
                JdbcTemplate jdbc,
                @Value("${giaoban.idempotency.retention:24h}") Duration retention,
                ObjectProvider<Clock> clock) {
            return new IdempotencyRecords(jdbc, clock.getIfAvailable(Clock::systemUTC), retention);
        }

        /** {@code giaoban.idempotency.largest-answer}: the longest answer kept for a repeat, in characters. */
        @Bean
        FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(
                IdempotencyRecords idempotencyRecords,
                ObjectMapper objectMapper,
                @Value("${giaoban.idempotency.largest-answer:" + IdempotencyFilter.DEFAULT_LARGEST_ANSWER + "}")
                        int largestAnswer) {
            FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(
                    new IdempotencyFilter(idempotencyRecords, objectMapper, largestAnswer));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
            registration.addUrlPatterns("/api/*");
            return registration;
        }
    }
}
