package dev.marketplace.app.graphql.limits;

import graphql.execution.instrumentation.Instrumentation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@link QueryLimits} as a graphql-java instrumentation, which Spring Boot adds to the GraphQL engine. */
@Configuration
class QueryLimitsConfiguration {

    @Bean
    Instrumentation queryLimits(QueryLimits limits) {
        return new QueryLimitsInstrumentation(limits);
    }
}
