package org.giaoban.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

class RequestMetadataProviderTest {

    private final RequestMetadataProvider provider = new RequestMetadataProvider();

    @Test
    void aCommandFromARequestPassesOnItsCorrelationAndRequestIdAndCausesWhatFollows() {
        Message<?> command = GenericCommandMessage.asCommandMessage("complete")
                .withMetaData(MetaData.with("correlationId", "corr-7").and("requestId", "req-42"));

        Map<String, ?> data = provider.correlationDataFor(command);

        assertThat(data)
                .isEqualTo(Map.of(
                        "causationId", command.getIdentifier(),
                        "correlationId", "corr-7",
                        "requestId", "req-42"));
    }

    @Test
    void aMessageThatStartsAPieceOfWorkCorrelatesWithItself() {
        Message<?> command = GenericCommandMessage.asCommandMessage("plan");

        Map<String, ?> data = provider.correlationDataFor(command);

        assertThat(data)
                .isEqualTo(Map.of(
                        "causationId", command.getIdentifier(),
                        "correlationId", command.getIdentifier()));
    }

    @Test
    void theCallerOfTheRequestIsRecordedOnWhatItCauses() {
        Message<?> command = GenericCommandMessage.asCommandMessage("complete")
                .withMetaData(MetaData.with("correlationId", "corr-7")
                        .and("requestId", "req-42")
                        .and("actor", "hoankiem")
                        .and("roles", List.of("OFFICER"))
                        .and("unitId", "HN-HOANKIEM"));

        Map<String, Object> data = Map.copyOf(provider.correlationDataFor(command));

        assertThat(data)
                .containsEntry("actor", "hoankiem")
                .containsEntry("roles", List.of("OFFICER"))
                .containsEntry("unitId", "HN-HOANKIEM");
    }
}
