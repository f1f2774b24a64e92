package dev.marketplace.command.security;

import dev.marketplace.api.rules.RuleCode;
import dev.marketplace.api.rules.RuleViolation;
import dev.marketplace.api.security.Actor;
import dev.marketplace.api.security.ActorMetadata;
import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.ParameterResolver;
import org.axonframework.messaging.annotation.ParameterResolverFactory;

/**
 * Lets a command handler declare an {@link Actor} parameter: the user named in the command's metadata. A command
 * without one is refused as unauthenticated, so no handler can run for nobody.
 */
public class ActorParameterResolverFactory implements ParameterResolverFactory {

    @Override
    public ParameterResolver<Actor> createInstance(Executable executable, Parameter[] parameters, int index) {
        if (!Actor.class.equals(parameters[index].getType())) {
            return null;
        }
        return new ParameterResolver<>() {
            @Override
            public Actor resolveParameterValue(Message<?> message) {
                return ActorMetadata.from(message.getMetaData())
                                    .orElseThrow(() -> new RuleViolation(RuleCode.UNAUTHENTICATED,
                                                                         "Sign in to do this."));
            }

            @Override
            public boolean matches(Message<?> message) {
                return true;
            }
        };
    }
}
