package dev.marketplace.query.shared;

import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * Replaying a read model's processor from the first event, and telling when it has caught up. Each read model that
 * can be rebuilt has its own, naming its processing group.
 */
public abstract class Replays {

    private final EventProcessingConfiguration processing;
    private final String processingGroup;

    protected Replays(EventProcessingConfiguration processing, String processingGroup) {
        this.processing = processing;
        this.processingGroup = processingGroup;
    }

    /** Stops the processor, resets it to the first event (its reset handler empties the read model), restarts. */
    public void replay() {
        StreamingEventProcessor processor = processor();
        processor.shutDown();
        // An explicit tail token: the processor's default initial token is itself a replay token, and resetting
        // to it nests two replay tokens, which never report the replay as finished.
        processor.resetTokens(StreamableMessageSource::createTailToken);
        processor.start();
    }

    /**
     * True when every segment has caught up with the head of the event stream without error. A replay counts as
     * done once it has reached the position it was reset at: Axon itself keeps calling it a replay until an event
     * beyond that position arrives.
     */
    public boolean isCaughtUp() {
        var status = processor().processingStatus();
        return !status.isEmpty() && status.values().stream().allMatch(s -> s.isCaughtUp() && !s.isErrorState()
                && (!s.isReplaying() || reachedResetPosition(s)));
    }

    private static boolean reachedResetPosition(EventTrackerStatus status) {
        return reachedResetPosition(status.getCurrentPosition(), status.getResetPosition());
    }

    /** Whether a replay at {@code current} has reached the position it was reset at; false when either is unknown. */
    public static boolean reachedResetPosition(OptionalLong current, OptionalLong reset) {
        return current.isPresent() && reset.isPresent() && current.getAsLong() >= reset.getAsLong();
    }

    private StreamingEventProcessor processor() {
        return processing.eventProcessor(processingGroup, StreamingEventProcessor.class)
                         .orElseThrow(() -> new IllegalStateException(
                                 "no " + processingGroup + " event processor is configured"));
    }
}
