package dev.marketplace.app.graphql.limits;

import graphql.ExecutionResult;
import graphql.analysis.QueryTraverser;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;

/**
 * Refuses an operation with more aliased fields than allowed ({@link LimitExceeded#TOO_MANY_ALIASES}). Aliases let
 * one request repeat an expensive root field (a search, a lookup) as often as it likes; fields inside fragments
 * count each time the fragment is used.
 */
class AliasLimit extends SimplePerformantInstrumentation {

    private final int maxAliases;

    AliasLimit(int maxAliases) {
        this.maxAliases = maxAliases;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext execution = parameters.getExecutionContext();
        int aliases = QueryTraverser.newQueryTraverser()
                .schema(execution.getGraphQLSchema())
                .document(execution.getDocument())
                .operationName(execution.getOperationDefinition().getName())
                .coercedVariables(execution.getCoercedVariables())
                .build()
                .reducePreOrder((field, count) -> field.getField().getAlias() == null ? count : count + 1, 0);
        if (aliases > maxAliases) {
            throw LimitExceeded.refusal(LimitExceeded.TOO_MANY_ALIASES, "The query uses " + aliases
                    + " aliases; the limit is " + maxAliases + ".", maxAliases);
        }
        return super.beginExecuteOperation(parameters, state);
    }
}
