package dev.marketplace.app.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code marketplace_dead_letters_waiting}: events parked in Axon's dead-letter queue per processing group, across
 * all nodes (the queue is one table). A group with a queue reports 0 when it is empty, so an alert on "above 0"
 * also sees it clear.
 */
@Component
class DeadLettersWaiting implements SampledGauge {

    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;
    private final MultiGauge waiting;
    private final Set<String> groups = ConcurrentHashMap.newKeySet();

    DeadLettersWaiting(JdbcTemplate jdbc, EventProcessingConfiguration processing, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.processing = processing;
        this.waiting = MultiGauge.builder("marketplace.dead.letters.waiting")
                .description("Events parked in the dead-letter queue").register(registry);
    }

    @Override
    public void sample() {
        processing.eventProcessors().keySet().stream()
                  .filter(name -> processing.deadLetterQueue(name).isPresent()).forEach(groups::add);
        Map<String, Long> counts = new TreeMap<>();
        groups.forEach(group -> counts.put(group, 0L));
        jdbc.query("select processing_group, count(*) from dead_letter_entry group by processing_group",
                   row -> { counts.put(row.getString(1), row.getLong(2)); });
        groups.addAll(counts.keySet());
        waiting.register(counts.entrySet().stream()
                               .map(e -> MultiGauge.Row.of(Tags.of("group", e.getKey()), e.getValue())).toList(),
                         true);
    }
}
