package dev.marketplace.app.graphql.limits;

import dev.marketplace.app.graphql.limits.ExpandedOperation.Measure;
import graphql.ExecutionResult;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Document;
import graphql.language.NodeUtil;
import graphql.schema.GraphQLSchema;
import java.util.Locale;

/**
 * Checks an operation against the {@link QueryLimits} before a single field is fetched, in one walk over the
 * operation as it executes ({@link ExpandedOperation}: fields inside fragments count each time the fragment is used,
 * and {@code @skip}/{@code @include} apply):
 * <ul>
 *   <li>size: a walk that would visit more selections than the complexity limit stops there, and the operation is
 *       refused as too complex ({@link LimitExceeded#TOO_COMPLEX}): every field but {@code __typename} costs at
 *       least 1, so it could only be refused anyway, and counting stays as cheap as the limit;</li>
 *   <li>depth: the longest chain of nested fields, the root field being 1 ({@link LimitExceeded#TOO_DEEP});</li>
 *   <li>complexity: the sum over the root fields of their cost by {@link PageAwareComplexity}, each field given the
 *       sum of its selections' costs ({@link LimitExceeded#TOO_COMPLEX}); {@code __typename} costs nothing;</li>
 *   <li>aliases: aliased fields, as each alias of a root field is one more search or lookup
 *       ({@link LimitExceeded#TOO_MANY_ALIASES}).</li>
 * </ul>
 * An operation over several limits is refused for the first of them in that order. One walk instead of one per limit
 * (graphql-java's depth and complexity instrumentations each walk the operation): the walks were 8 % of a catalogue
 * search's CPU in the marketplace (BENCHMARKS.md). It runs before graphql-java's own checks of introspection
 * queries, which expand fragments without a bound.
 */
class QueryLimitsInstrumentation extends SimplePerformantInstrumentation {

    private final QueryLimits limits;
    private final PageAwareComplexity complexity;

    QueryLimitsInstrumentation(QueryLimits limits) {
        this.limits = limits;
        this.complexity = new PageAwareComplexity(limits.maxComplexity());
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext execution = parameters.getExecutionContext();
        Measure measure = ExpandedOperation.measure(execution.getGraphQLSchema(), execution.getOperationDefinition(),
                                                    execution.getFragmentsByName(), execution.getCoercedVariables(),
                                                    execution.getGraphQLContext(), execution.getLocale(), complexity,
                                                    limits.maxComplexity());
        if (measure.overBudget()) {
            throw LimitExceeded.refusal(LimitExceeded.TOO_COMPLEX, "The query asks for more than "
                    + limits.maxComplexity() + " fields once its fragments are expanded; the limit is "
                    + limits.maxComplexity() + ". Ask for fewer fields.", limits.maxComplexity());
        }
        if (measure.depth() > limits.maxDepth()) {
            throw LimitExceeded.refusal(LimitExceeded.TOO_DEEP, "The query nests fields " + measure.depth()
                    + " levels deep; the limit is " + limits.maxDepth() + ". Ask for less nested data.",
                    limits.maxDepth());
        }
        if (measure.complexity() > limits.maxComplexity()) {
            // "At least": costs saturate, so a huge query reports a number just over the limit.
            throw LimitExceeded.refusal(LimitExceeded.TOO_COMPLEX, "The query's complexity is at least "
                    + measure.complexity() + "; the limit is " + limits.maxComplexity()
                    + ". Ask for fewer fields or smaller pages (first).", limits.maxComplexity());
        }
        if (measure.aliases() > limits.maxAliases()) {
            throw LimitExceeded.refusal(LimitExceeded.TOO_MANY_ALIASES, "The query uses " + measure.aliases()
                    + " aliases; the limit is " + limits.maxAliases() + ".", limits.maxAliases());
        }
        return super.beginExecuteOperation(parameters, state);
    }

    /** The operation of the document by that name (or its only one) measured as the limits see it. */
    Measure measure(GraphQLSchema schema, Document document, String operationName, CoercedVariables variables) {
        NodeUtil.GetOperationResult operation = NodeUtil.getOperation(document, operationName);
        return ExpandedOperation.measure(schema, operation.operationDefinition, operation.fragmentsByName, variables,
                                         GraphQLContext.getDefault(), Locale.getDefault(), complexity,
                                         limits.maxComplexity());
    }
}
