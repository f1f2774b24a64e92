package dev.marketplace.app.graphql.limits;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.analysis.QueryComplexityCalculator;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.execution.CoercedVariables;
import graphql.introspection.IntrospectionQueryBuilder;
import graphql.language.Document;
import graphql.parser.Parser;
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

    @Test
    void aQueryOverSeveralLimitsIsRefusedForItsDepthFirstThenItsComplexity() {
        String deep = "ofType { ".repeat(12) + "name" + " }".repeat(12);
        String many = IntStream.rangeClosed(0, graphQl.limits.maxAliases())
                .mapToObj(i -> "c" + i + ": catalogue(first: 100) { edges { node { id name summary } } }")
                .collect(Collectors.joining("\n"));

        assertRefused(graphQl.execute("{ __schema { types { fields { type { " + deep + " } } } } " + many + " }"),
                      LimitExceeded.TOO_DEEP, graphQl.limits.maxDepth());
        assertRefused(graphQl.execute("{ " + many + " }"), LimitExceeded.TOO_COMPLEX, graphQl.limits.maxComplexity());
    }

    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of("pages inside pages", """
                        { catalogue(first: 100) { edges { node {
                            ratings(first: 100) { edges { node { id stars text reply } } } } } } }"""),
                Arguments.of("fragments used twice, aliases, __typename", """
                        query { a: catalogue(first: 5) { ...page } b: catalogue { ...page totalCount __typename } }
                        fragment page on MiniProgramConnection { edges { cursor node { id n: name } } }"""),
                Arguments.of("skipped and included fields", """
                        { catalogue(first: 7) { totalCount @skip(if: true) edges @include(if: true) { node {
                            id ratings(first: 3) @include(if: false) { totalCount } } } } }"""),
                Arguments.of("a single program's first ratings", """
                        { miniProgram(id: "x") { name ratings(first: 3) { edges { node { id stars } } } } }"""),
                Arguments.of("GraphiQL's introspection", IntrospectionQueryBuilder.build(
                        IntrospectionQueryBuilder.Options.defaultOptions().typeRefFragmentDepth(9))));
    }

    /** The one walk measures what graphql-java's own depth and complexity walks measure, and counts the aliases. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void theOneWalkMeasuresWhatGraphqlJavasWalksMeasure(String name, String text) {
        Document document = Parser.parse(text);
        QueryTraverser traverser = QueryTraverser.newQueryTraverser().schema(graphQl.schema).document(document)
                .coercedVariables(CoercedVariables.emptyVariables()).build();
        int depth = traverser.reducePreOrder((field, deepest) -> {
            int length = 0;
            for (QueryVisitorFieldEnvironment f = field; f != null; f = f.getParentEnvironment()) {
                length++;
            }
            return Math.max(length, deepest);
        }, 0);
        int aliases = traverser.reducePreOrder((field, count) -> field.getField().getAlias() == null ? count
                : count + 1, 0);
        int complexity = QueryComplexityCalculator.newCalculator().schema(graphQl.schema).document(document)
                .fieldComplexityCalculator(new PageAwareComplexity(graphQl.limits.maxComplexity()))
                .variables(CoercedVariables.emptyVariables()).build().calculate();

        QueryLimitsInstrumentation.Measure measure = new QueryLimitsInstrumentation(graphQl.limits)
                .measure(graphQl.schema, document, null, CoercedVariables.emptyVariables());

        assertThat(measure).isEqualTo(new QueryLimitsInstrumentation.Measure(depth, complexity, aliases));
        assertThat(measure.complexity()).isPositive();
    }

    private static void assertRefused(ExecutionResult result, String code, int limit) {
        assertThat(result.<Object>getData()).isNull();
        assertThat(result.getErrors()).singleElement().satisfies((GraphQLError error) -> {
            assertThat(error.getErrorType()).isEqualTo(org.springframework.graphql.execution.ErrorType.BAD_REQUEST);
            assertThat(error.getExtensions()).containsEntry("code", code).containsEntry("limit", limit);
        });
    }
}
