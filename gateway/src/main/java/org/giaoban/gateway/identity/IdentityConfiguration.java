package org.giaoban.gateway.identity;

import java.nio.file.Path;
import java.time.Clock;
import org.giaoban.identity.IdentityHeader;
import org.giaoban.identity.IdentitySecret;
import org.giaoban.identity.IdentityTokens;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class IdentityConfiguration {

    @Bean
    IdentityTokens identityTokens(
            @Value("${" + IdentityHeader.SECRET_PROPERTY + ":}") String secret,
            @Value("${giaoban.data-dir:./data}") Path dataDir,
            ObjectProvider<Clock> clock) {
        return new IdentityTokens(IdentitySecret.resolve(secret, dataDir), clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    IdentityRelayFilter identityRelayFilter(IdentityTokens tokens) {
        return new IdentityRelayFilter(tokens);
    }
}
