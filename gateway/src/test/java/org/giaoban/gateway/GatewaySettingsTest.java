package org.giaoban.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

class GatewaySettingsTest {

    static GatewaySettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("giaoban.gateway", GatewaySettings.class);
    }

    @Test
    void theDefaultsAreTwentyRequestsASecondBurstsOfFortyOneMegabyteEightForABatchAndNoOrigins() {
        GatewaySettings settings = bind(Map.of());

        assertThat(settings.rateLimit().requestsPerSecond()).isEqualTo(20);
        assertThat(settings.rateLimit().burst()).isEqualTo(40);
        assertThat(settings.maxRequestBytes()).isEqualTo(DataSize.ofMegabytes(1));
        assertThat(settings.maxBatchRequestBytes()).isEqualTo(DataSize.ofMegabytes(8));
        assertThat(settings.cors().allowedOrigins()).isEmpty();
        assertThat(settings.users()).isEmpty();
    }

    @Test
    void aClassListOfTenThousandLearnersWithTheLongestNamesFitsUnderTheBatchLimit() {
        // 200 characters, the longest name accepted, each of them three bytes in UTF-8.
        String longestName = "Ễ".repeat(200);
        StringBuilder csv = new StringBuilder("learnerId,fullName,unitId\n");
        StringBuilder json = new StringBuilder("{\"learners\":[");
        for (int i = 0; i < 10_000; i++) {
            String learnerId = String.format("0793010%05d", i);
            csv.append(learnerId).append(',').append(longestName).append(",HN-HOANKIEM\n");
            json.append(i == 0 ? "" : ",")
                    .append("{\"learnerId\": \"")
                    .append(learnerId)
                    .append("\", \"fullName\": \"")
                    .append(longestName)
                    .append("\", \"unitId\": \"HN-HOANKIEM\"}");
        }
        json.append("]}");

        long limit = bind(Map.of()).maxBatchRequestBytes().toBytes();

        assertThat((long) csv.toString().getBytes(StandardCharsets.UTF_8).length)
                .isLessThan(limit);
        assertThat((long) json.toString().getBytes(StandardCharsets.UTF_8).length)
                .isLessThan(limit);
    }

    @Test
    void usersBindFromPropertiesAsTheEnvironmentGivesThem() {
        GatewaySettings settings = bind(Map.of(
                "giaoban.gateway.users[0].name", "hoa",
                "giaoban.gateway.users[0].password-hash", "$2a$04$abc",
                "giaoban.gateway.users[0].roles", "OFFICER,VIEWER",
                "giaoban.gateway.users[0].unit-id", "HN-HOANKIEM",
                "giaoban.gateway.max-request-bytes", "1MB",
                "giaoban.gateway.cors.allowed-origins", "https://a.example,https://b.example"));

        assertThat(settings.users()).hasSize(1);
        assertThat(settings.users().get(0).roles())
                .containsExactly(org.giaoban.identity.Role.OFFICER, org.giaoban.identity.Role.VIEWER);
        assertThat(settings.users().get(0).unitId()).isEqualTo("HN-HOANKIEM");
        assertThat(settings.maxRequestBytes()).isEqualTo(DataSize.ofMegabytes(1));
        assertThat(settings.maxBatchRequestBytes()).isEqualTo(DataSize.ofMegabytes(8));
        assertThat(settings.cors().allowedOrigins()).containsExactly("https://a.example", "https://b.example");
    }
}
