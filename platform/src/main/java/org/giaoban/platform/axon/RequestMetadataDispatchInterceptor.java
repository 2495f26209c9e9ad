package org.giaoban.platform.axon;

import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.giaoban.platform.web.RequestMetadata;

/** Puts the metadata of the HTTP request being served onto each command it sends. */
public class RequestMetadataDispatchInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> RequestMetadata.current()
                .<CommandMessage<?>>map(metadata -> command.andMetaData(metadata.asMessageMetadata()))
                .orElse(command);
    }
}
