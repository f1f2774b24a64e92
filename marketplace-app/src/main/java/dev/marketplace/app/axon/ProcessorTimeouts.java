package dev.marketplace.app.axon;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.timeout.UnitOfWorkTimeoutInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every event processor's batch is timed as Axon's own timeouts (off in application.yml, {@code axon.timeout}) timed
 * it: a warning each second after {@value #WARNING_THRESHOLD_MS} ms, interrupted after {@value #TIMEOUT_MS} ms. A batch
 * is long-lived and copies its thread's stack once, when its timer starts. The command bus's units of work, one per
 * request, are not timed (see application.yml), and neither is a batch that runs inside one: a subscribing processor
 * handles a command's events as the command commits, and Axon's interceptor would start its timer on the command's
 * unit of work, copying the request thread's stack on every command after all.
 */
@Configuration
class ProcessorTimeouts {

    static final int TIMEOUT_MS = 60_000;
    static final int WARNING_THRESHOLD_MS = 10_000;
    static final int WARNING_INTERVAL_MS = 1_000;

    @Bean
    ConfigurerModule eventProcessorBatchTimeouts() {
        return configurer -> configurer.eventProcessing().registerDefaultHandlerInterceptor(
                (configuration, processor) -> new OwnBatchTimeout(new UnitOfWorkTimeoutInterceptor(
                        "EventProcessor " + processor, TIMEOUT_MS, WARNING_THRESHOLD_MS, WARNING_INTERVAL_MS)));
    }

    /** Axon's timeout for a batch that is its own unit of work; one nested in another's work runs untimed. */
    record OwnBatchTimeout(UnitOfWorkTimeoutInterceptor timeout)
            implements MessageHandlerInterceptor<EventMessage<?>> {

        @Override
        public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain)
                throws Exception {
            return unitOfWork.isRoot() ? timeout.handle(unitOfWork, chain) : chain.proceed();
        }
    }
}
