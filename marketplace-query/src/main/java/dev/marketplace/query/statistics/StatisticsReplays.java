package dev.marketplace.query.statistics;

import dev.marketplace.query.shared.Replays;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;

/** Rebuilds the statistics from the first event: the processor is reset (its reset handler empties the tables). */
@Component
public class StatisticsReplays {

    private final EventProcessingConfiguration processing;

    StatisticsReplays(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    public void replay() {
        Replays.replay(processor());
    }

    public boolean isCaughtUp() {
        return Replays.isCaughtUp(processor());
    }

    private StreamingEventProcessor processor() {
        return processing.eventProcessor(StatisticsProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                         .orElseThrow(() -> new IllegalStateException("no statistics event processor is configured"));
    }
}
