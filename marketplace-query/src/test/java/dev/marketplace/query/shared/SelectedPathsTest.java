package dev.marketplace.query.shared;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLSchema;
import graphql.schema.SelectedField;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link SelectedPaths} reads the same paths from the query's syntax tree as graphql-java's own selection set does
 * from its normalized operation: each query is executed by graphql-java and both are asked in the same data fetcher.
 */
class SelectedPathsTest {

    private static final String SCHEMA = """
            type Query { search(first: Int): Connection }
            type Connection { edges: [Edge] pageInfo: PageInfo totalCount: Int facets: Facets }
            type Edge { cursor: String node: Program highlights: [String] }
            type Program { id: ID name: String versions: [Version] currentVersion: Version developer: Developer }
            type Version { number: String changelog: String }
            type Developer { name: String }
            type PageInfo { hasNextPage: Boolean endCursor: String }
            type Facets { categories: [String] tags: [String] permissions: [String] }
            """;

    private final List<Set<String>> ours = new ArrayList<>();
    private final List<Set<String>> graphqlJavas = new ArrayList<>();
    private final GraphQL graphQl = GraphQL.newGraphQL(schema()).build();

    @ParameterizedTest
    @ValueSource(strings = {
            "{ search { totalCount edges { node { id name } } } }",
            "{ search { edges { cursor node { id versions { number } } } pageInfo { endCursor } } }",
            "{ search { a: totalCount b: edges { c: node { d: id } } } }",
            "{ search { ...page } } fragment page on Connection { totalCount facets { ...tags } } "
                    + "fragment tags on Facets { tags categories }",
            "{ search { ... on Connection { edges { ... on Edge { highlights node { currentVersion { number } } } } } "
                    + "... { pageInfo { hasNextPage } } } }",
            "query($all: Boolean!) { search { totalCount @include(if: $all) "
                    + "facets @skip(if: $all) { permissions } edges { node { id } cursor @include(if: $all) } } }",
            "query($all: Boolean!) { search { ...f @skip(if: $all) edges { node { name } } } } "
                    + "fragment f on Connection { totalCount }",
            "{ search { totalCount @skip(if: true) edges { node { id } } } }",
            "{ search { edges { node { id } } edges { cursor node { name developer { name } } } __typename } }",
            "{ search { edges { node { id } } } again: search { totalCount } }"
    })
    void readsTheSamePathsAsGraphqlJava(String query) {
        for (boolean all : new boolean[] {true, false}) {
            ours.clear();
            graphqlJavas.clear();
            ExecutionResult result = graphQl.execute(ExecutionInput.newExecutionInput(query)
                                                                   .variables(Map.of("all", all)).build());

            assertThat(result.getErrors()).isEmpty();
            assertThat(ours).isNotEmpty().isEqualTo(graphqlJavas);
            assertThat(ours.get(0)).allMatch(path -> !path.isEmpty() && !path.startsWith("/"));
        }
    }

    private GraphQLSchema schema() {
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .type("Query", type -> type.dataFetcher("search", this::record)).build();
        return new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SCHEMA), wiring);
    }

    private Object record(DataFetchingEnvironment environment) {
        ours.add(SelectedPaths.of(environment));
        graphqlJavas.add(environment.getSelectionSet().getFields().stream().map(SelectedField::getQualifiedName)
                                    .collect(Collectors.toSet()));
        return null;
    }
}
