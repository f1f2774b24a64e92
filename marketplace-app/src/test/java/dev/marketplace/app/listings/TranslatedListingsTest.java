package dev.marketplace.app.listings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.api.security.Role;
import dev.marketplace.app.support.Marketplace;
import dev.marketplace.app.support.MarketplaceClientTest;
import dev.marketplace.app.support.MarketplaceIntegrationTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Listings in two languages over the API: a search in either language finds a program (an English-default one by
 * its Chinese translation), the answer comes in the asked language (argument, else Accept-Language) with the
 * default language as fallback, suggestions complete translated names, and names stay unique across languages.
 */
@MarketplaceIntegrationTest
class TranslatedListingsTest extends MarketplaceClientTest {

    private String tag;
    private String english;
    private String chinese;

    @BeforeEach
    void setUp() {
        tag = "t" + UUID.randomUUID().toString().substring(0, 8);
        english = "Harbour Noodles " + tag;
        chinese = "海港面馆 " + tag;
    }

    @Test
    void anEnglishProgramIsFoundByItsChineseTranslationAndAnswersInTheReadersLanguage() {
        String translated = marketplace.publish("dev-tr-" + tag, listing(english, List.of(Map.of(
                "locale", "zh", "name", chinese, "summary", "手工拉面，扫码点单"))));
        String untranslated = marketplace.publish("dev-tr-" + tag, Marketplace.listing("Quay Dumplings " + tag,
                                                                                       "FOOD_AND_DRINK", List.of(tag)));

        // Two programs on two segments: either may reach the index first.
        eventually().untilAsserted(() -> assertThat(ids(search(null, null)))
                .containsExactlyInAnyOrder(translated, untranslated));
        assertThat(ids(search("海港面馆", null))).containsExactly(translated);
        assertThat(ids(search("拉面", null))).containsExactly(translated);
        assertThat(ids(search("Harbour Noodles", null))).containsExactly(translated);

        assertThat(names(search(null, "zh"))).containsExactlyInAnyOrder(chinese, "Quay Dumplings " + tag);
        assertThat(names(search(null, "en"))).containsExactlyInAnyOrder(english, "Quay Dumplings " + tag);
        marketplace.anonymous().mutate().header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8").build()
                   .documentName("listings/program").variable("id", translated).execute()
                   .path("miniProgram.name").entity(String.class).isEqualTo(chinese)
                   .path("miniProgram.summary").entity(String.class).isEqualTo("手工拉面，扫码点单")
                   .path("miniProgram.description").entity(String.class)
                   .isEqualTo("Skip the checkout queue: scan barcodes while you shop.");
        marketplace.anonymous().documentName("listings/program").variable("id", untranslated)
                   .variable("locale", "zh").execute()
                   .path("miniProgram.name").entity(String.class).isEqualTo("Quay Dumplings " + tag);

        eventually().untilAsserted(() -> marketplace.anonymous().documentName("listings/suggest")
                .variable("prefix", "海港面").variable("locale", "zh").execute()
                .path("suggest").entityList(String.class).contains(chinese));
    }

    @Test
    void namesAreUniqueAcrossLanguagesAndTranslationsAreCheckedLikeTheDefault() {
        marketplace.register("dev-tr-" + tag, listing(english, List.of(Map.of(
                "locale", "zh", "name", chinese, "summary", "手工拉面"))));

        refused(register(listing(chinese, List.of())), "NAME_TAKEN", "name");
        refused(register(listing("Other Noodles " + tag, List.of(Map.of("locale", "zh", "name", english,
                                                                           "summary", "面")))),
                "NAME_TAKEN", "translations.zh.name");
        refused(register(listing("Other Noodles " + tag, List.of(Map.of("locale", "fr", "name", "Nouilles",
                                                                           "summary", "Des nouilles")))),
                "INVALID_INPUT", "translations.locale");
        refused(register(listing("Other Noodles " + tag, List.of(Map.of("locale", "zh", "name", "面",
                                                                           "summary", "面")))),
                "INVALID_INPUT", "translations.zh.name");
    }

    private GraphQlTester.Response register(Map<String, Object> input) {
        return marketplace.as("dev-tr2-" + tag, Role.DEVELOPER).documentName("listings/register")
                          .variable("input", input).execute();
    }

    private static void refused(GraphQlTester.Response response, String code, String field) {
        response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
            assertThat(e.getExtensions()).containsEntry("code", code).containsEntry("field", field);
        }));
    }

    private Map<String, Object> listing(String name, List<Map<String, String>> translations) {
        Map<String, Object> input = new HashMap<>(Marketplace.listing(name, "FOOD_AND_DRINK", List.of(tag)));
        input.put("translations", translations);
        return input;
    }

    private GraphQlTester.Response search(String query, String locale) {
        GraphQlTester.Request<?> request = marketplace.anonymous().documentName("listings/search")
                                                      .variable("tag", tag).variable("locale", locale);
        return request.variable("query", query).execute();
    }

    private static List<String> ids(GraphQlTester.Response response) {
        return response.path("catalogue.edges[*].node.id").entityList(String.class).get();
    }

    private static List<String> names(GraphQlTester.Response response) {
        return response.path("catalogue.edges[*].node.name").entityList(String.class).get();
    }

    private static ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(30)).ignoreExceptions();
    }
}
