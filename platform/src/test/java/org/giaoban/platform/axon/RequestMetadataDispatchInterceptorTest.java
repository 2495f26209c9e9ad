package org.giaoban.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;
import org.giaoban.platform.web.RequestMetadataFilter;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class RequestMetadataDispatchInterceptorTest {

    private final RequestMetadataDispatchInterceptor interceptor = new RequestMetadataDispatchInterceptor();

    @Test
    void aCommandSentWhileServingARequestCarriesItsIds() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/tasks");
        request.addHeader("X-Request-Id", "req-42");
        request.addHeader("X-Correlation-Id", "corr-7");
        CommandMessage<?> command =
                GenericCommandMessage.asCommandMessage("plan").withMetaData(MetaData.with("actor", "hoa"));

        CommandMessage<?> dispatched = dispatchWhileServing(request, command);

        assertThat(dispatched.getIdentifier()).isEqualTo(command.getIdentifier());
        assertThat(dispatched.getMetaData())
                .containsEntry("requestId", "req-42")
                .containsEntry("correlationId", "corr-7")
                .containsEntry("actor", "hoa");
    }

    @Test
    void aRequestWithoutIdsIsGivenOneThatAlsoCorrelatesIt() throws Exception {
        CommandMessage<?> dispatched = dispatchWhileServing(
                new MockHttpServletRequest("POST", "/api/tasks"), GenericCommandMessage.asCommandMessage("plan"));

        Object requestId = dispatched.getMetaData().get("requestId");
        assertThat(requestId).asString().isNotBlank();
        assertThat(dispatched.getMetaData()).containsEntry("correlationId", requestId);
    }

    @Test
    void aCommandSentOutsideARequestIsLeftAsItIs() {
        CommandMessage<?> command = GenericCommandMessage.asCommandMessage("plan");

        CommandMessage<?> dispatched = interceptor.handle(List.of(command)).apply(0, command);

        assertThat(dispatched).isSameAs(command);
    }

    private CommandMessage<?> dispatchWhileServing(MockHttpServletRequest request, CommandMessage<?> command)
            throws Exception {
        AtomicReference<CommandMessage<?>> dispatched = new AtomicReference<>();
        new RequestMetadataFilter().doFilter(request, new MockHttpServletResponse(), (served, response) -> {
            RequestContextHolder.setRequestAttributes(new ServletRequestAttributes((HttpServletRequest) served));
            try {
                dispatched.set(interceptor.handle(List.of(command)).apply(0, command));
            } finally {
                RequestContextHolder.resetRequestAttributes();
            }
        });
        assertThat(dispatched.get()).as("the command was dispatched").isNotNull();
        return dispatched.get();
    }
}
