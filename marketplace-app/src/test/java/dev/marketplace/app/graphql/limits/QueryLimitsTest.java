package dev.marketplace.app.graphql.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.analysis.QueryComplexityCalculator;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.execution.CoercedVariables;
import graphql.introspection.IntrospectionQueryBuilder;
import graphql.language.AstPrinter;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.parser.Parser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * The one walk measures what graphql-java's own depth and complexity walks measure, and counts the aliases, on
     * the document with its fragments written out where they are used: graphql-java's walks visit a fragment once
     * however often it is used.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void theOneWalkMeasuresWhatGraphqlJavasWalksMeasureOfTheExpandedOperation(String name, String text) {
        Document expanded = Parser.parse(AstPrinter.printAst(withFragmentsWrittenOut(Parser.parse(text))));
        QueryTraverser traverser = QueryTraverser.newQueryTraverser().schema(graphQl.schema).document(expanded)
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
        int complexity = QueryComplexityCalculator.newCalculator().schema(graphQl.schema).document(expanded)
                .fieldComplexityCalculator(new PageAwareComplexity(graphQl.limits.maxComplexity()))
                .variables(CoercedVariables.emptyVariables()).build().calculate();

        ExpandedOperation.Measure measure = new QueryLimitsInstrumentation(graphQl.limits)
                .measure(graphQl.schema, Parser.parse(text), null, CoercedVariables.emptyVariables());

        assertThat(measure).isEqualTo(new ExpandedOperation.Measure(depth, complexity, aliases, false));
        assertThat(measure.complexity()).isPositive();
    }

    @Test
    void aFragmentUsedTwiceCountsTwice() {
        String once = "{ catalogue(first: 5) { edges { node { id name } } } }";
        String twice = """
                { a: catalogue(first: 5) { ...page } b: catalogue(first: 5) { ...page } }
                fragment page on MiniProgramConnection { edges { node { id name } } }""";
        QueryLimitsInstrumentation limits = new QueryLimitsInstrumentation(graphQl.limits);

        int single = limits.measure(graphQl.schema, Parser.parse(once), null, CoercedVariables.emptyVariables())
                           .complexity();

        assertThat(limits.measure(graphQl.schema, Parser.parse(twice), null, CoercedVariables.emptyVariables()))
                .isEqualTo(new ExpandedOperation.Measure(4, 2 * single, 2, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.marketplace.app.graphql.limits.FragmentExplosions#explosions")
    void fragmentExplosionsAreRefusedAsTooComplexBeforeAnythingExpandsThem(String name, String document) {
        ExecutionResult result = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> graphQl.execute(document));

        assertRefused(result, LimitExceeded.TOO_COMPLEX, graphQl.limits.maxComplexity());
        assertThat(result.getErrors().get(0).getMessage()).contains("once its fragments are expanded");
    }

    /** The document with every use of a fragment replaced by an inline fragment holding the fragment's fields. */
    private static Document withFragmentsWrittenOut(Document document) {
        Map<String, FragmentDefinition> fragments = document.getDefinitionsOfType(FragmentDefinition.class).stream()
                .collect(Collectors.toMap(FragmentDefinition::getName, f -> f));
        return Document.newDocument().definitions(document.getDefinitionsOfType(OperationDefinition.class).stream()
                .map(o -> (Definition) o.transform(b -> b.selectionSet(writtenOut(o.getSelectionSet(), fragments))))
                .toList()).build();
    }

    private static SelectionSet writtenOut(SelectionSet set, Map<String, FragmentDefinition> fragments) {
        if (set == null) {
            return null;
        }
        List<Selection> selections = new ArrayList<>();
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof FragmentSpread spread) {
                FragmentDefinition fragment = fragments.get(spread.getName());
                selections.add(InlineFragment.newInlineFragment().typeCondition(fragment.getTypeCondition())
                        .directives(spread.getDirectives())
                        .selectionSet(writtenOut(fragment.getSelectionSet(), fragments)).build());
            } else if (selection instanceof InlineFragment inline) {
                selections.add(inline.transform(b -> b.selectionSet(writtenOut(inline.getSelectionSet(), fragments))));
            } else if (selection instanceof Field field) {
                selections.add(field.transform(b -> b.selectionSet(writtenOut(field.getSelectionSet(), fragments))));
            }
        }
        return SelectionSet.newSelectionSet(selections).build();
    }

    private static void assertRefused(ExecutionResult result, String code, int limit) {
        assertThat(result.<Object>getData()).isNull();
        assertThat(result.getErrors()).singleElement().satisfies((GraphQLError error) -> {
            assertThat(error.getErrorType()).isEqualTo(org.springframework.graphql.execution.ErrorType.BAD_REQUEST);
            assertThat(error.getExtensions()).containsEntry("code", code).containsEntry("limit", limit);
        });
    }
}
