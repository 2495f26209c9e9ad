package org.giaoban.gateway;

import java.time.Duration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.reactive.server.WebTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * The test client waits up to 30 s for an answer instead of 5: on a busy two-core machine the first request to a fresh
 * gateway (class loading, the OIDC issuer's keys) can take longer than 5 s. Still the real server on its random port.
 */
@TestConfiguration(proxyBeanMethods = false)
public class PatientClient {

    @Bean
    WebTestClientBuilderCustomizer patientWebTestClient() {
        return builder -> builder.responseTimeout(Duration.ofSeconds(30));
    }
}
