package org.giaoban.platform.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class StoreTimeoutDefaultsTest {

    @Test
    void aRequestWaitsAtMostTwoSecondsForADatabaseConnectionUnlessConfiguredOtherwise() {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "operator", Map.of("spring.datasource.hikari.data-source-properties.socketTimeout", "120")));

        new StoreTimeoutDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.datasource.hikari.connection-timeout"))
                .isEqualTo("2000");
        assertThat(environment.getProperty("spring.datasource.hikari.data-source-properties.connectTimeout"))
                .isEqualTo("2");
        assertThat(environment.getProperty("spring.datasource.hikari.data-source-properties.socketTimeout"))
                .as("the operator's own setting wins")
                .isEqualTo("120");
    }
}
