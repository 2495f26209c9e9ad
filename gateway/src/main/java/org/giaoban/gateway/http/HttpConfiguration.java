package org.giaoban.gateway.http;

import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.giaoban.gateway.GatewaySettings;
import org.giaoban.gateway.problem.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class HttpConfiguration {

    @Bean
    CorrelationIdFilter correlationIdFilter() {
        return new CorrelationIdFilter();
    }

    @Bean
    CorsFilter corsFilter(GatewaySettings settings, ProblemWriter problems) {
        return new CorsFilter(settings.cors().allowedOrigins(), problems);
    }

    @Bean
    AnswerWithinFilter answerWithinFilter(TimeLimiterRegistry timeLimiters) {
        return new AnswerWithinFilter(timeLimiters);
    }

    @Bean
    DashboardPolicyFilter dashboardPolicyFilter() {
        return new DashboardPolicyFilter();
    }

    @Bean
    ForwardedHeaders forwardedHeaders() {
        return new ForwardedHeaders();
    }
}
