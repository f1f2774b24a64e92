package dev.marketplace.query.shared;

import graphql.GraphQLContext;
import graphql.execution.conditional.ConditionalNodes;
import graphql.language.DirectivesContainer;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLSchema;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The paths of the fields a query selects below the field being fetched, named as graphql-java's
 * {@code SelectedField.getQualifiedName()} names them ({@code edges/node/id}): fragments expanded where they are
 * used, {@code @skip} and {@code @include} applied, aliases read as the fields they alias. Read from the query's own
 * syntax tree. graphql-java's selection set answers the same by building the normalized operation of the whole query
 * first, which cost a catalogue search about 5 % of its CPU (BENCHMARKS.md) when all it needs is a handful of names.
 */
public final class SelectedPaths {

    private static final ConditionalNodes CONDITIONS = new ConditionalNodes();

    private final Map<String, FragmentDefinition> fragments;
    private final Map<String, Object> variables;
    private final GraphQLSchema schema;
    private final GraphQLContext context;
    private final Set<String> paths = new HashSet<>();

    private SelectedPaths(DataFetchingEnvironment environment) {
        this.fragments = environment.getFragmentsByName();
        this.variables = environment.getVariables();
        this.schema = environment.getGraphQLSchema();
        this.context = environment.getGraphQlContext();
    }

    /** Every path selected below the fetched field (all the field's merged occurrences). */
    public static Set<String> of(DataFetchingEnvironment environment) {
        SelectedPaths walk = new SelectedPaths(environment);
        for (Field field : environment.getMergedField().getFields()) {
            walk.selections(field.getSelectionSet(), "", 0);
        }
        return Set.copyOf(walk.paths);
    }

    private void selections(SelectionSet set, String prefix, int fragmentDepth) {
        if (set == null) {
            return;
        }
        for (Selection<?> selection : set.getSelections()) {
            if (!CONDITIONS.shouldInclude((DirectivesContainer<?>) selection, variables, schema, context)) {
                continue;
            }
            if (selection instanceof Field field) {
                String path = prefix + field.getName();
                paths.add(path);
                selections(field.getSelectionSet(), path + "/", fragmentDepth);
            } else if (selection instanceof InlineFragment inline) {
                selections(inline.getSelectionSet(), prefix, fragmentDepth);
            } else if (selection instanceof FragmentSpread spread && fragmentDepth < fragments.size()) {
                // Validation refuses fragment cycles before execution; the bound keeps the walk finite regardless.
                FragmentDefinition fragment = fragments.get(spread.getName());
                if (fragment != null) {
                    selections(fragment.getSelectionSet(), prefix, fragmentDepth + 1);
                }
            }
        }
    }
}
