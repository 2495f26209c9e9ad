package org.giaoban.gateway.limit;

import java.time.Clock;
import java.util.List;
import org.giaoban.gateway.GatewaySettings;
import org.giaoban.gateway.problem.ProblemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.util.StringUtils;

/** The rate limiter (Redis when {@code spring.data.redis.host} or {@code .url} is set, in process otherwise). */
@Configuration(proxyBeanMethods = false)
public class LimitConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LimitConfiguration.class);

    @Bean
    CallerRateLimiter callerRateLimiter(
            GatewaySettings settings,
            Environment environment,
            ObjectProvider<ReactiveStringRedisTemplate> redis,
            @Qualifier(RedisRateLimiter.REDIS_SCRIPT_NAME) ObjectProvider<RedisScript<List<Long>>> script,
            ObjectProvider<ConfigurationService> configurationService,
            ObjectProvider<Clock> clock) {
        GatewaySettings.RateLimit limit = settings.rateLimit();
        boolean redisConfigured = StringUtils.hasText(environment.getProperty("spring.data.redis.host"))
                || StringUtils.hasText(environment.getProperty("spring.data.redis.url"));
        if (redisConfigured) {
            log.info(
                    "Rate limit: {} requests per second, bursts of {}, per caller, counted in Redis",
                    limit.requestsPerSecond(),
                    limit.burst());
            RedisRateLimiter limiter =
                    new RedisRateLimiter(redis.getObject(), script.getObject(), configurationService.getObject());
            return new RedisCallerRateLimiter(limiter, limit.requestsPerSecond(), limit.burst());
        }
        log.info(
                "Rate limit: {} requests per second, bursts of {}, per caller, counted in this process",
                limit.requestsPerSecond(),
                limit.burst());
        return new TokenBucketRateLimiter(
                limit.requestsPerSecond(), limit.burst(), clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    RequestSizeFilter requestSizeFilter(GatewaySettings settings, ProblemWriter problems) {
        return new RequestSizeFilter(settings.maxRequestBytes(), settings.maxBatchRequestBytes(), problems);
    }
}
