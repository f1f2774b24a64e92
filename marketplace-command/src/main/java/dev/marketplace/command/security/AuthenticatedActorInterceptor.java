package dev.marketplace.command.security;

import dev.marketplace.api.security.Actor;
import dev.marketplace.api.security.ActorMetadata;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Writes the signed-in user into every command's metadata; Axon copies it into the events the command causes, so
 * the event store records who did what. A command sent without a signed-in user carries no actor and is refused
 * by the handler.
 */
@Component
public class AuthenticatedActorInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        Optional<Actor> actor = currentActor();
        return (index, command) -> actor.<CommandMessage<?>>map(a -> command.andMetaData(ActorMetadata.of(a)))
                                        .orElse(command);
    }

    static Optional<Actor> currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        List<String> authorities = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                                                  .toList();
        return Optional.of(Actor.fromAuthorities(authentication.getName(), authorities));
    }
}
