package dev.marketplace.app.axon;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.timeout.UnitOfWorkTimeoutInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every event processor's batch is timed as Axon's own timeouts (off in application.yml, {@code axon.timeout}) timed
 * it: a warning each second after {@value #WARNING_THRESHOLD_MS} ms, interrupted after {@value #TIMEOUT_MS} ms. A batch
 * is long-lived and copies its thread's stack once, when its timer starts; the command bus's units of work, one per
 * request, are not timed (see application.yml).
 */
@Configuration
class ProcessorTimeouts {

    static final int TIMEOUT_MS = 60_000;
    static final int WARNING_THRESHOLD_MS = 10_000;
    static final int WARNING_INTERVAL_MS = 1_000;

    @Bean
    ConfigurerModule eventProcessorBatchTimeouts() {
        return configurer -> configurer.eventProcessing().registerDefaultHandlerInterceptor(
                (configuration, processor) -> new UnitOfWorkTimeoutInterceptor(
                        "EventProcessor " + processor, TIMEOUT_MS, WARNING_THRESHOLD_MS, WARNING_INTERVAL_MS));
    }
}
