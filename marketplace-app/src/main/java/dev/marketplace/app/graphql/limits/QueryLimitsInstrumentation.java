package dev.marketplace.app.graphql.limits;

import graphql.ExecutionResult;
import graphql.analysis.FieldComplexityEnvironment;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.CoercedVariables;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Document;
import graphql.schema.GraphQLSchema;
import java.util.HashMap;
import java.util.Map;

/**
 * Checks an operation against the {@link QueryLimits} before a single field is fetched, in one walk over its fields
 * (fields inside fragments count each time the fragment is used, and {@code @skip}/{@code @include} apply):
 * <ul>
 *   <li>depth: the longest chain of nested fields, the root field being 1 ({@link LimitExceeded#TOO_DEEP});</li>
 *   <li>complexity: the sum over the root fields of their cost by {@link PageAwareComplexity}, each field given the
 *       sum of its selections' costs ({@link LimitExceeded#TOO_COMPLEX}); {@code __typename} costs nothing;</li>
 *   <li>aliases: aliased fields, as each alias of a root field is one more search or lookup
 *       ({@link LimitExceeded#TOO_MANY_ALIASES}).</li>
 * </ul>
 * An operation over several limits is refused for the first of them in that order. One walk instead of one per limit
 * (graphql-java's depth and complexity instrumentations each walk the operation): the walks were 8 % of a catalogue
 * search's CPU in the marketplace (BENCHMARKS.md).
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
        Measure measure = measure(execution.getGraphQLSchema(), execution.getDocument(),
                                  execution.getExecutionInput().getOperationName(), execution.getCoercedVariables());
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

    /** What the walk over an operation's fields found. */
    record Measure(int depth, int complexity, int aliases) {
    }

    /** Walks the operation's fields once, each field's selections before the field itself. */
    Measure measure(GraphQLSchema schema, Document document, String operationName, CoercedVariables variables) {
        class Walk extends QueryVisitorStub {
            int deepest;
            int aliases;
            /** The summed cost of each field's selections, by field; the root fields' under null. */
            final Map<QueryVisitorFieldEnvironment, Integer> costOfChildren = new HashMap<>();

            @Override
            public void visitField(QueryVisitorFieldEnvironment field) {
                deepest = Math.max(deepest, depth(field));
                if (field.getField().getAlias() != null) {
                    aliases++;
                }
                int cost = field.isTypeNameIntrospectionField() ? 0
                        : complexity.calculate(environment(field), costOfChildren.getOrDefault(field, 0));
                costOfChildren.merge(field.getParentEnvironment(), cost, Integer::sum);
            }
        }
        Walk walk = new Walk();
        QueryTraverser.newQueryTraverser()
                .schema(schema)
                .document(document)
                .operationName(operationName)
                .coercedVariables(variables)
                .build()
                .visitPostOrder(walk);
        return new Measure(walk.deepest, walk.costOfChildren.getOrDefault(null, 0), walk.aliases);
    }

    private static int depth(QueryVisitorFieldEnvironment field) {
        int depth = 0;
        for (QueryVisitorFieldEnvironment f = field; f != null; f = f.getParentEnvironment()) {
            depth++;
        }
        return depth;
    }

    /** The field as the complexity calculator sees it, with its parents (for a connection's page size). */
    private static FieldComplexityEnvironment environment(QueryVisitorFieldEnvironment field) {
        return new FieldComplexityEnvironment(field.getField(), field.getFieldDefinition(), field.getFieldsContainer(),
                                              field.getArguments(), field.getParentEnvironment() == null ? null
                                                      : environment(field.getParentEnvironment()));
    }
}
