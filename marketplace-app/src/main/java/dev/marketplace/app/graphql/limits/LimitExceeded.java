package dev.marketplace.app.graphql.limits;

import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.execution.ErrorType;

/**
 * The refusal of a request over a {@link QueryLimits} limit. graphql-java answers an aborted execution with the
 * exception's underlying errors, so the client gets one error classified BAD_REQUEST whose {@code code} names the
 * limit and whose {@code limit} gives its value.
 */
final class LimitExceeded {

    static final String TOO_DEEP = "QUERY_TOO_DEEP";
    static final String TOO_COMPLEX = "QUERY_TOO_COMPLEX";
    static final String TOO_MANY_ALIASES = "TOO_MANY_ALIASES";

    private LimitExceeded() {
    }

    static AbortExecutionException refusal(String code, String message, int limit) {
        return new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
                .errorType(ErrorType.BAD_REQUEST)
                .message(message)
                .extensions(Map.of("code", code, "limit", limit))
                .build()));
    }
}
