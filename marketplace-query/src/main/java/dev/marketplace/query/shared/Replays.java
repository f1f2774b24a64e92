package dev.marketplace.query.shared;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.StreamableMessageSource;

/** Replaying a read model's processor from the first event, and telling when it has caught up. */
public final class Replays {

    private Replays() {
    }

    /** Stops the processor, resets it to the first event (its reset handler empties the read model), restarts. */
    public static void replay(StreamingEventProcessor processor) {
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
    public static boolean isCaughtUp(StreamingEventProcessor processor) {
        var status = processor.processingStatus();
        return !status.isEmpty() && status.values().stream().allMatch(s -> s.isCaughtUp() && !s.isErrorState()
                && (!s.isReplaying() || reachedResetPosition(s)));
    }

    private static boolean reachedResetPosition(EventTrackerStatus status) {
        return status.getResetPosition().isPresent() && status.getCurrentPosition().isPresent()
                && status.getCurrentPosition().getAsLong() >= status.getResetPosition().getAsLong();
    }
}
