package dev.marketplace.app.graphql.limits;

import graphql.execution.instrumentation.Instrumentation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@link QueryLimits} as graphql-java instrumentations, which Spring Boot adds to the GraphQL engine. */
@Configuration
class QueryLimitsConfiguration {

    @Bean
    Instrumentation queryDepthLimit(QueryLimits limits) {
        return new DepthLimit(limits.maxDepth());
    }

    @Bean
    Instrumentation queryComplexityLimit(QueryLimits limits) {
        return new ComplexityLimit(limits.maxComplexity());
    }

    @Bean
    Instrumentation queryAliasLimit(QueryLimits limits) {
        return new AliasLimit(limits.maxAliases());
    }
}
