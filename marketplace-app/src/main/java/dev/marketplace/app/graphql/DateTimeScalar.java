package dev.marketplace.app.graphql;

import graphql.schema.GraphQLScalarType;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/** The schema's DateTime: ISO-8601 with an offset on input, UTC instants on output. */
@Component
class DateTimeScalar implements RuntimeWiringConfigurer {

    static final GraphQLScalarType DATE_TIME = IsoScalars.of(
            "DateTime", "An ISO-8601 instant with offset", Instant.class,
            text -> OffsetDateTime.parse(text).toInstant(), "an ISO-8601 date-time with offset, like",
            "2026-11-25T10:15:30Z");

    @Override
    public void configure(graphql.schema.idl.RuntimeWiring.Builder builder) {
        builder.scalar(DATE_TIME);
    }
}
