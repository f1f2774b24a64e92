package dev.marketplace.app.logging;

import java.util.Map;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Carries a request's correlation id through Axon. A command dispatched while a request runs gets the id as its
 * {@value #TRACE_ID} metadata; Axon's {@code MessageOriginProvider} copies a message's trace id into every message
 * its handling causes (events, further commands), so the id follows the whole chain. While any command or event is
 * handled, its trace id is the MDC's {@value #MDC_KEY}: log lines of a command run by a deadline or of an event
 * handled by a projection's own thread carry the id of the request that started it.
 */
@Configuration
class Correlation {

    static final String MDC_KEY = "correlationId";
    /** Axon's own key for the id of the message that started a chain ({@code MessageOriginProvider}). */
    static final String TRACE_ID = "traceId";

    private static final Logger log = LoggerFactory.getLogger(Correlation.class);

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    ConfigurerModule correlatedCommandsAndEvents() {
        return configurer -> {
            configurer.onInitialize(configuration -> configuration.onStart(() -> {
                CommandBus bus = configuration.commandBus();
                bus.registerDispatchInterceptor(Correlation.<CommandMessage<?>>withRequestId());
                bus.registerHandlerInterceptor(Correlation::handleCorrelated);
            }));
            configurer.eventProcessing().registerDefaultHandlerInterceptor(
                    (configuration, processor) -> Correlation::handleCorrelated);
        };
    }

    private static <M extends Message<?>> MessageDispatchInterceptor<M> withRequestId() {
        return messages -> (index, message) -> {
            String id = MDC.get(MDC_KEY);
            @SuppressWarnings("unchecked")
            M traced = id == null || message.getMetaData().containsKey(TRACE_ID) ? message
                    : (M) message.andMetaData(Map.of(TRACE_ID, id));
            return traced;
        };
    }

    private static Object handleCorrelated(UnitOfWork<? extends Message<?>> unitOfWork,
                                           InterceptorChain chain) throws Exception {
        Message<?> message = unitOfWork.getMessage();
        Object id = message.getMetaData().get(TRACE_ID);
        String outer = MDC.get(MDC_KEY);
        if (id != null) {
            MDC.put(MDC_KEY, id.toString());
        }
        try {
            if (message instanceof CommandMessage<?> command) {
                log.debug("Handling command {}", command.getCommandName());
            }
            return chain.proceed();
        } finally {
            if (outer == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, outer);
            }
        }
    }
}
