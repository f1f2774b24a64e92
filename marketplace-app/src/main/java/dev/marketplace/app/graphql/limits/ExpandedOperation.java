package dev.marketplace.app.graphql.limits;

import graphql.GraphQLContext;
import graphql.analysis.FieldComplexityEnvironment;
import graphql.execution.CoercedVariables;
import graphql.execution.ValuesResolver;
import graphql.execution.conditional.ConditionalNodes;
import graphql.introspection.Introspection;
import graphql.language.DirectivesContainer;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.TypeName;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import java.util.Locale;
import java.util.Map;

/**
 * One walk over an operation as it executes: every use of a fragment expanded where it is used, {@code @skip} and
 * {@code @include} applied. Fragments that each use the one before twice ask for 2<sup>n</sup> fields in a document
 * of a few hundred bytes, so the walk gives up after visiting {@code budget} selections (fields, fragment uses and
 * inline fragments alike, so that skipped parts count too) and says so: it never expands more than the budget.
 * <p>
 * graphql-java's own tools fit neither way: its {@code QueryTraverser} (behind its depth and complexity
 * instrumentations) visits a fragment once however often it is used, and its normalized operation collects every
 * expanded field in memory before its field limit counts any of them.
 */
final class ExpandedOperation {

    private static final ConditionalNodes CONDITIONS = new ConditionalNodes();

    /** What the walk found; depth, complexity and aliases are partial when {@code overBudget}. */
    record Measure(int depth, int complexity, int aliases, boolean overBudget) {
    }

    private final GraphQLSchema schema;
    private final Map<String, FragmentDefinition> fragments;
    private final CoercedVariables variables;
    private final Map<String, Object> variableValues;
    private final GraphQLContext context;
    private final Locale locale;
    private final PageAwareComplexity complexity;
    private final int budget;
    private int visited;
    private int deepest;
    private int aliases;

    private ExpandedOperation(GraphQLSchema schema, Map<String, FragmentDefinition> fragments,
                              CoercedVariables variables, GraphQLContext context, Locale locale,
                              PageAwareComplexity complexity, int budget) {
        this.schema = schema;
        this.fragments = fragments;
        this.variables = variables;
        this.variableValues = variables.toMap();
        this.context = context;
        this.locale = locale;
        this.complexity = complexity;
        this.budget = budget;
    }

    static Measure measure(GraphQLSchema schema, OperationDefinition operation,
                           Map<String, FragmentDefinition> fragments, CoercedVariables variables,
                           GraphQLContext context, Locale locale, PageAwareComplexity complexity, int budget) {
        ExpandedOperation walk = new ExpandedOperation(schema, fragments, variables, context, locale, complexity,
                                                       budget);
        GraphQLCompositeType root = switch (operation.getOperation()) {
            case QUERY -> schema.getQueryType();
            case MUTATION -> schema.getMutationType();
            case SUBSCRIPTION -> schema.getSubscriptionType();
        };
        long cost = walk.selections(operation.getSelectionSet(), root, null, 1);
        boolean overBudget = walk.visited > budget;
        return new Measure(walk.deepest, (int) Math.min(cost, Integer.MAX_VALUE), walk.aliases, overBudget);
    }

    /** The summed cost of the selections; returns early, with what it has, once over the budget. */
    private long selections(SelectionSet set, GraphQLCompositeType type, FieldComplexityEnvironment parent,
                            int depth) {
        long cost = 0;
        for (Selection<?> selection : set.getSelections()) {
            if (++visited > budget) {
                return cost;
            }
            if (!CONDITIONS.shouldInclude((DirectivesContainer<?>) selection, variableValues, schema, context)) {
                continue;
            }
            if (selection instanceof Field field) {
                cost += field(field, type, parent, depth);
            } else if (selection instanceof InlineFragment inline) {
                cost += selections(inline.getSelectionSet(), narrowed(type, inline.getTypeCondition()), parent,
                                   depth);
            } else if (selection instanceof FragmentSpread spread) {
                FragmentDefinition fragment = fragments.get(spread.getName());
                cost += selections(fragment.getSelectionSet(), narrowed(type, fragment.getTypeCondition()),
                                   parent, depth);
            }
            cost = Math.min(cost, Integer.MAX_VALUE);
        }
        return cost;
    }

    private int field(Field field, GraphQLCompositeType type, FieldComplexityEnvironment parent, int depth) {
        deepest = Math.max(deepest, depth);
        if (field.getAlias() != null) {
            aliases++;
        }
        GraphQLFieldDefinition definition = Introspection.getFieldDef(schema, type, field.getName());
        Map<String, Object> arguments = definition.getArguments().isEmpty() ? Map.of()
                : ValuesResolver.getArgumentValues(schema.getCodeRegistry(), definition.getArguments(),
                                                   field.getArguments(), variables, context, locale);
        FieldComplexityEnvironment environment = new FieldComplexityEnvironment(field, definition, type, arguments,
                                                                                parent);
        long children = field.getSelectionSet() == null ? 0 : selections(field.getSelectionSet(),
                (GraphQLCompositeType) GraphQLTypeUtil.unwrapAll(definition.getType()), environment, depth + 1);
        return field.getName().equals(Introspection.TypeNameMetaFieldDef.getName()) ? 0
                : complexity.calculate(environment, (int) children);
    }

    private GraphQLCompositeType narrowed(GraphQLCompositeType type, TypeName condition) {
        return condition == null ? type : (GraphQLCompositeType) schema.getType(condition.getName());
    }
}
