package dev.marketplace.app.graphql.limits;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.introspection.IntrospectionQueryBuilder;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The query limits against the real schema: what real clients send passes, what abuses the API is refused. */
class QueryLimitsTest {

    static final LimitedGraphQl graphQl = new LimitedGraphQl();

    static Stream<Arguments> documentsOfTheTests() {
        Map<String, String> documents = LimitedGraphQl.resources("classpath*:graphql-test/**/*.graphql");
        assertThat(documents).isNotEmpty();
        return documents.entrySet().stream().map(d -> Arguments.of(
                d.getKey().substring(d.getKey().indexOf("graphql-test/")), d.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documentsOfTheTests")
    void everyDocumentTheTestsSendPassesEvenWithFullPages(String name, String document) {
        ExecutionResult result = graphQl.execute(document);

        // Nothing stands behind the schema here, so fields come back null; refusals and invalid input must not.
        assertThat(result.getErrors()).noneSatisfy(error -> assertThat(error.getErrorType())
                .isIn(ErrorType.ValidationError, ErrorType.InvalidSyntax, ErrorType.ExecutionAborted,
                      org.springframework.graphql.execution.ErrorType.BAD_REQUEST));
    }

    @Test
    void graphiqlCanStillReadTheSchema() {
        // GraphiQL 5 uses graphql-js 16.11, whose introspection query nests nine levels of ofType.
        String introspection = IntrospectionQueryBuilder.build(IntrospectionQueryBuilder.Options.defaultOptions()
                .typeRefFragmentDepth(9).inputValueDeprecation(true).isOneOf(true));

        ExecutionResult result = graphQl.execute(introspection);

        assertThat(result.getErrors()).isEmpty();
        assertThat(result.<Map<String, Object>>getData()).containsKey("__schema");
    }

    @Test
    void aQueryNestedDeeperThanTheLimitIsRefusedAsTooDeep() {
        String ofTypes = "ofType { ".repeat(12) + "name" + " }".repeat(12);

        ExecutionResult result = graphQl.execute("{ __schema { types { fields { type { " + ofTypes + " } } } } }");

        assertRefused(result, LimitExceeded.TOO_DEEP, graphQl.limits.maxDepth());
        assertThat(result.getErrors().get(0).getMessage()).contains("17 levels deep")
                                                          .contains("limit is " + graphQl.limits.maxDepth());
    }

    @Test
    void pagesInsidePagesAreRefusedAsTooComplex() {
        ExecutionResult result = graphQl.execute("""
                { catalogue(first: 100) { edges { node {
                    ratings(first: 100) { edges { node { id stars text reply } } }
                } } } }""");

        assertRefused(result, LimitExceeded.TOO_COMPLEX, graphQl.limits.maxComplexity());
    }

    @Test
    void anAbsurdPageSizeCannotOverflowTheComplexityIntoAPass() {
        ExecutionResult result = graphQl.execute("""
                { catalogue(first: 2000000000) { edges { node {
                    ratings(first: 2000000000) { edges { node { id } } }
                } } } }""");

        assertRefused(result, LimitExceeded.TOO_COMPLEX, graphQl.limits.maxComplexity());
    }

    @Test
    void manyCheapFieldsAreRefusedAsTooComplex() {
        String aliases = IntStream.range(0, graphQl.limits.maxAliases())
                .mapToObj(i -> "c" + i + ": catalogue(first: 100) { edges { cursor node { id name summary } } }")
                .collect(Collectors.joining("\n"));

        assertRefused(graphQl.execute("{ " + aliases + " }"), LimitExceeded.TOO_COMPLEX,
                      graphQl.limits.maxComplexity());
    }

    @Test
    void aliasesBeyondTheLimitAreRefused() {
        String aliases = IntStream.rangeClosed(0, graphQl.limits.maxAliases())
                .mapToObj(i -> "s" + i + ": suggest(prefix: \"a" + i + "\", first: 1)")
                .collect(Collectors.joining("\n"));

        assertRefused(graphQl.execute("{ " + aliases + " }"), LimitExceeded.TOO_MANY_ALIASES,
                      graphQl.limits.maxAliases());
    }

    private static void assertRefused(ExecutionResult result, String code, int limit) {
        assertThat(result.<Object>getData()).isNull();
        assertThat(result.getErrors()).singleElement().satisfies((GraphQLError error) -> {
            assertThat(error.getErrorType()).isEqualTo(org.springframework.graphql.execution.ErrorType.BAD_REQUEST);
            assertThat(error.getExtensions()).containsEntry("code", code).containsEntry("limit", limit);
        });
    }
}
