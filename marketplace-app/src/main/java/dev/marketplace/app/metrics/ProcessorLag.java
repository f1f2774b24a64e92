package dev.marketplace.app.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How far each segment of each streaming processor on this node is behind the head of the event store:
 * {@code marketplace_processor_lag_events} (events between the segment's position and the head) and
 * {@code marketplace_processor_lag_seconds} (the age of the oldest event the segment has not passed yet, 0 when it
 * is at the head). The age is taken from the stored event, not from the last event handled (as Axon's latency
 * monitor does), so a processor that is stuck keeps growing older and trips the alert instead of showing the small
 * latency of its last success. Only the segments this node has claimed are reported: each node speaks for its own.
 */
@Component
class ProcessorLag implements SampledGauge {

    private final EventProcessingConfiguration processing;
    private final EventStore events;
    private final JdbcTemplate jdbc;
    private final Clock clock = Clock.systemUTC();
    private final MultiGauge eventsBehind;
    private final MultiGauge secondsBehind;

    ProcessorLag(EventProcessingConfiguration processing, EventStore events, JdbcTemplate jdbc,
                 MeterRegistry registry) {
        this.processing = processing;
        this.events = events;
        this.jdbc = jdbc;
        this.eventsBehind = MultiGauge.builder("marketplace.processor.lag.events")
                .description("Events between a segment's position and the head of the event store")
                .register(registry);
        this.secondsBehind = MultiGauge.builder("marketplace.processor.lag.seconds")
                .description("Age of the oldest event a segment has not processed yet").baseUnit("seconds")
                .register(registry);
    }

    @Override
    public void sample() {
        TrackingToken headToken = events.createHeadToken();
        long head = headToken == null ? -1 : headToken.position().orElse(-1);
        List<MultiGauge.Row<?>> eventRows = new ArrayList<>();
        List<MultiGauge.Row<?>> secondRows = new ArrayList<>();
        processing.eventProcessors().values().stream()
                  .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                  .forEach(processor -> processor.processingStatus().forEach((segment, status) -> {
                      long position = status.getCurrentPosition().orElse(-1);
                      long behind = Math.max(0, head - position);
                      Tags tags = Tags.of("processor", processor.getName(), "segment", Integer.toString(segment));
                      eventRows.add(MultiGauge.Row.of(tags, behind));
                      secondRows.add(MultiGauge.Row.of(tags, behind == 0 ? 0 : secondsWaiting(position)));
                  }));
        eventsBehind.register(eventRows, true);
        secondsBehind.register(secondRows, true);
    }

    /** How long the first event after {@code position} has been in the store (its primary key finds it). */
    private double secondsWaiting(long position) {
        List<String> stamps = jdbc.queryForList("select time_stamp from domain_event_entry where global_index > ?"
                                                + " order by global_index limit 1", String.class, position);
        if (stamps.isEmpty()) {
            return 0;
        }
        Duration age = Duration.between(Instant.parse(stamps.get(0)), clock.instant());
        return Math.max(0, age.toMillis() / 1000.0);
    }
}
