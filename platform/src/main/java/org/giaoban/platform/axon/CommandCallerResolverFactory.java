package org.giaoban.platform.axon;

import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import java.util.function.Supplier;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.ParameterResolver;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.giaoban.platform.access.CommandCaller;
import org.giaoban.platform.access.UnitWriteAccess;

/**
 * Gives a message handler that asks for a {@link CommandCaller} the caller its message's metadata names, so that no
 * handler parses the metadata itself.
 */
public class CommandCallerResolverFactory implements ParameterResolverFactory {

    private final Supplier<UnitWriteAccess> access;

    /** @param access looked up when the first handler asks for a caller: a service without units has no such handler */
    public CommandCallerResolverFactory(Supplier<UnitWriteAccess> access) {
        this.access = access;
    }

    public CommandCallerResolverFactory(UnitWriteAccess access) {
        this(() -> access);
    }

    @Override
    public ParameterResolver<CommandCaller> createInstance(
            Executable executable, Parameter[] parameters, int parameterIndex) {
        if (!CommandCaller.class.equals(parameters[parameterIndex].getType())) {
            return null;
        }
        UnitWriteAccess unitWriteAccess = access.get();
        return new ParameterResolver<>() {
            @Override
            public CommandCaller resolveParameterValue(Message<?> message) {
                return CommandCaller.from(message.getMetaData(), unitWriteAccess);
            }

            @Override
            public boolean matches(Message<?> message) {
                return true;
            }
        };
    }
}
