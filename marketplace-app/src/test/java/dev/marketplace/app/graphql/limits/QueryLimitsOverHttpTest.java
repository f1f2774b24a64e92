package dev.marketplace.app.graphql.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.marketplace.app.support.MarketplaceIntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** The limits as the running application applies them to every request, next to a request a real client sends. */
@MarketplaceIntegrationTest
class QueryLimitsOverHttpTest {

    @Autowired
    HttpGraphQlTester graphQl;

    @Test
    void aDeeplyNestedIntrospectionIsRefusedAsTooDeep() {
        String ofTypes = "ofType { ".repeat(14) + "name" + " }".repeat(14);

        assertRefused("{ __schema { types { fields { type { " + ofTypes + " } } } } }", "QUERY_TOO_DEEP",
                      "nests fields 19 levels deep; the limit is 15");
    }

    @Test
    void pagesOfRatingsInsideAPageOfProgramsAreRefusedAsTooComplex() {
        assertRefused("""
                { catalogue(first: 100) { edges { node { name
                    ratings(first: 100) { edges { node { stars text reply } } } } } } }""",
                      "QUERY_TOO_COMPLEX", "the limit is 3000");
    }

    @Test
    void theSameSearchRepeatedUnderManyAliasesIsRefused() {
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i <= 30; i++) {
            query.append(" s").append(i).append(": suggest(prefix: \"mc\", first: 1)");
        }

        assertRefused(query.append(" }").toString(), "TOO_MANY_ALIASES", "uses 31 aliases; the limit is 30");
    }

    /** Before the walk expanded fragments (and stopped), these passed the limits and then took the heap. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.marketplace.app.graphql.limits.FragmentExplosions#explosions")
    void aFragmentExplosionIsRefusedAsTooComplexBeforeAnythingExpandsIt(String name, String document) {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertRefused(document, "QUERY_TOO_COMPLEX",
                "fields once its fragments are expanded; the limit is 3000"));
    }

    @Test
    void aFullPageOfTheCatalogueIsAnswered() {
        graphQl.documentName("catalogue").variable("first", 100).execute()
               .path("catalogue.totalCount").entity(Integer.class).satisfies(n -> assertThat(n).isNotNegative())
               .path("catalogue.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
    }

    private void assertRefused(String document, String code, String message) {
        graphQl.document(document).execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(error -> {
                    assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                    assertThat(error.getExtensions()).containsEntry("code", code);
                    assertThat(error.getMessage()).contains(message);
                }));
    }
}
