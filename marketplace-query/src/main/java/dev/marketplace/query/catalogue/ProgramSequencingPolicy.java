package dev.marketplace.query.catalogue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;

/**
 * Puts every event about one program, whichever aggregate raised it (the program, an installation of it, a rating
 * of it), into one sequence, so the catalogue handles them in stream order on one thread even when its processor
 * runs several segments. Events name their program in a {@code programId} record component.
 */
class ProgramSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    private final Map<Class<?>, Optional<Method>> accessors = new ConcurrentHashMap<>();

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Object payload = event.getPayload();
        Optional<Method> accessor = accessors.computeIfAbsent(payload.getClass(), ProgramSequencingPolicy::accessor);
        if (accessor.isPresent()) {
            try {
                return accessor.get().invoke(payload);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("Cannot read programId of " + payload.getClass().getName(), e);
            }
        }
        return event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
    }

    private static Optional<Method> accessor(Class<?> type) {
        try {
            Method method = type.getMethod("programId");
            return method.getReturnType() == String.class ? Optional.of(method) : Optional.empty();
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
    }
}
