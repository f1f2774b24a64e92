package dev.marketplace.query.catalogue.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The configured relevance weights are the ones the catalogue's query ranks with. */
class RankingWeightsTest {

    private final RankingWeights weights = new RankingWeights(0.35, 0.25, 42, 7);

    @Test
    void popularityIsWeighedAsConfigured() throws Exception {
        JsonNode functions = query(CatalogueSort.RELEVANCE).path("function_score").path("functions");
        assertThat(weightOf(functions, "installCount")).isEqualTo(0.35);
        assertThat(weightOf(functions, "ratingBayesian")).isEqualTo(0.25);
    }

    @Test
    void nameMatchesAreBoostedAsConfigured() throws Exception {
        List<JsonNode> should = new ArrayList<>();
        query(CatalogueSort.RELEVANCE).path("function_score").path("query").path("bool").path("should")
                                      .forEach(should::add);
        assertThat(should).anySatisfy(clause -> assertThat(
                clause.path("term").path("name.exact").path("boost").asDouble()).isEqualTo(42));
        assertThat(should).anySatisfy(clause -> assertThat(
                clause.path("match_phrase").path("name").path("boost").asDouble()).isEqualTo(7));
    }

    @Test
    void otherSortsAreNotRanked() throws Exception {
        assertThat(query(CatalogueSort.NEWEST).has("function_score")).isFalse();
    }

    private JsonNode query(CatalogueSort sort) throws Exception {
        var query = new CatalogueQueryBuilder(() -> weights)
                .catalogue(new CatalogueRequest("harbour ferry", CatalogueFilter.NONE, sort, 10, null));
        return new ObjectMapper().readTree(JsonpUtils.toJsonString(query, new JacksonJsonpMapper()));
    }

    private static double weightOf(JsonNode functions, String field) {
        for (JsonNode function : functions) {
            if (function.path("field_value_factor").path("field").asText().equals(field)) {
                return function.path("weight").asDouble();
            }
        }
        throw new AssertionError("no function on " + field + " in " + functions);
    }
}
