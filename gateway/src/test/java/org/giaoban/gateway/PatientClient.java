package org.giaoban.gateway;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.reactive.server.WebTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import reactor.util.retry.Retry;

/**
 * The test client waits up to 30 s for an answer instead of 5: on a busy two-core machine the first request to a fresh
 * gateway (class loading, the OIDC issuer's keys) can take longer than 5 s. Still the real server on its random port.
 *
 * <p>On the sandboxed kernels of the development and CI machines, now and then a request over loopback is never
 * answered while every event loop of the JVM sits idle (docs/RELIABILITY.md, "a request the gateway never answers"):
 * an I/O readiness that is never reported. An exchange that has had no answer for 10 s is therefore sent once more,
 * with a warning in the log, so that such a loss does not decide a test; {@link ThreadsOnTimeout} still records the
 * threads when the second attempt is lost too.
 */
@TestConfiguration(proxyBeanMethods = false)
public class PatientClient {

    private static final Logger log = LoggerFactory.getLogger(PatientClient.class);

    @Bean
    WebTestClientBuilderCustomizer patientWebTestClient() {
        return builder -> builder.responseTimeout(Duration.ofSeconds(30))
                .filter((request, next) -> next.exchange(request)
                        .timeout(Duration.ofSeconds(10))
                        .retryWhen(Retry.max(1)
                                .filter(TimeoutException.class::isInstance)
                                .doBeforeRetry(retry -> log.warn(
                                        "{} {} had no answer in 10 s; sending it once more",
                                        request.method(),
                                        request.url()))));
    }
}
