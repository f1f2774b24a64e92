package dev.marketplace.app.graphql;

import graphql.schema.GraphQLScalarType;
import java.time.LocalDate;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/** The schema's Date: a calendar day in ISO-8601 form (2026-11-25), as statistics count them (UTC days). */
@Component
class DateScalar implements RuntimeWiringConfigurer {

    static final GraphQLScalarType DATE = IsoScalars.of("Date", "An ISO-8601 calendar date", LocalDate.class,
                                                        LocalDate::parse, "an ISO-8601 date like", "2026-11-25");

    @Override
    public void configure(graphql.schema.idl.RuntimeWiring.Builder builder) {
        builder.scalar(DATE);
    }
}
