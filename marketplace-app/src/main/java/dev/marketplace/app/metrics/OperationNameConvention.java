package dev.marketplace.app.metrics;

import graphql.execution.ExecutionContext;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.graphql.observation.DefaultExecutionRequestObservationConvention;
import org.springframework.graphql.observation.ExecutionRequestObservationContext;

/**
 * Spring for GraphQL's observation of each request ({@code graphql_request_seconds}, with {@code graphql_outcome}
 * SUCCESS, REQUEST_ERROR or INTERNAL_ERROR), with the operation's name as a tag ({@code graphql_operation_name}).
 * Clients choose the names, so the tag is bounded: a name longer than {@value #MAX_LENGTH} characters or outside
 * GraphQL's name syntax is "invalid", one without a name "anonymous", and after {@code maxNames} distinct names any
 * new one is "other". Once per operation, never per field.
 */
class OperationNameConvention extends DefaultExecutionRequestObservationConvention {

    static final String TAG = "graphql.operation.name";
    static final int MAX_LENGTH = 64;
    private static final Pattern NAME = Pattern.compile("[_A-Za-z][_0-9A-Za-z]*");

    private final int maxNames;
    private final Set<String> names = ConcurrentHashMap.newKeySet();

    OperationNameConvention(int maxNames) {
        this.maxNames = maxNames;
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(ExecutionRequestObservationContext context) {
        return super.getLowCardinalityKeyValues(context)
                .and(KeyValue.of(TAG, bounded(executedOperationName(context))));
    }

    /** The name of the operation that ran, from the document when the request's operationName was left out. */
    private static String executedOperationName(ExecutionRequestObservationContext context) {
        ExecutionContext execution = context.getExecutionContext();
        if (execution != null && execution.getOperationDefinition() != null) {
            return execution.getOperationDefinition().getName();
        }
        return context.getExecutionInput().getOperationName();
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(ExecutionRequestObservationContext context) {
        return KeyValues.of(executionId(context));
    }

    String bounded(String name) {
        if (name == null || name.isEmpty()) {
            return "anonymous";
        }
        if (name.length() > MAX_LENGTH || !NAME.matcher(name).matches()) {
            return "invalid";
        }
        if (names.contains(name)) {
            return name;
        }
        synchronized (names) {
            if (names.size() < maxNames) {
                names.add(name);
                return name;
            }
        }
        return names.contains(name) ? name : "other";
    }
}
