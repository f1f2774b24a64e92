package dev.marketplace.query.statistics;

import dev.marketplace.query.shared.Replays;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.stereotype.Component;

/** Rebuilds the statistics from the first event: the processor is reset (its reset handler empties the tables). */
@Component
public class StatisticsReplays extends Replays {

    StatisticsReplays(EventProcessingConfiguration processing) {
        super(processing, StatisticsProjection.PROCESSING_GROUP);
    }
}
