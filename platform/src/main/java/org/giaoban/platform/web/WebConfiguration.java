package org.giaoban.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.giaoban.platform.problem.ProblemResponses;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;

/** The HTTP conventions of API.md that every service shares: request metadata, Idempotency-Key, problem+json. */
@AutoConfiguration(after = JdbcTemplateAutoConfiguration.class)
@Import(ProblemResponses.class)
public class WebConfiguration {

    @Bean
    public FilterRegistrationBean<RequestMetadataFilter> requestMetadataFilter() {
        FilterRegistrationBean<RequestMetadataFilter> registration =
                new FilterRegistrationBean<>(new RequestMetadataFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** Idempotency keys are claimed in the service's database; a service without one has no writes to repeat. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(JdbcTemplate.class)
    static class Idempotency {

        @Bean
        IdempotencyRecords idempotencyRecords(JdbcTemplate jdbc) {
            return new IdempotencyRecords(jdbc);
        }

        @Bean
        FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(
                IdempotencyRecords idempotencyRecords, ObjectMapper objectMapper) {
            FilterRegistrationBean<IdempotencyFilter> registration =
                    new FilterRegistrationBean<>(new IdempotencyFilter(idempotencyRecords, objectMapper));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
            registration.addUrlPatterns("/api/*");
            return registration;
        }
    }
}
