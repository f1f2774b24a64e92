package dev.marketplace.app.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.micrometer.TagsUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Commands handled, failed and their latency per command type, by Axon's own timer on the command bus
 * ({@code marketplace_commands_successTimer_seconds}, {@code ..._failureTimer_...}, {@code ..._allTimer_...}, tag
 * {@code payloadType}: the command's class, so the set is bounded by the code). Only the command bus is monitored:
 * Axon's global registry ({@code axon.metrics.auto-configuration}, off in application.yml) would also time every
 * event of every processor and every query, and keep six client-side percentiles per timer; this timer keeps none
 * (Prometheus computes rates and averages from the count and sum).
 */
@Configuration
class CommandMetrics {

    static final String PREFIX = "marketplace.commands";

    @Bean
    ConfigurerModule commandTimers(MeterRegistry registry) {
        return configurer -> configurer.configureMessageMonitor(CommandBus.class, configuration ->
                MessageTimerMonitor.builder().meterNamePrefix(PREFIX).meterRegistry(registry)
                                   .tagsBuilder(TagsUtil.PAYLOAD_TYPE_TAGGER_FUNCTION)
                                   .timerCustomization(timer -> timer.publishPercentiles()).build());
    }
}
