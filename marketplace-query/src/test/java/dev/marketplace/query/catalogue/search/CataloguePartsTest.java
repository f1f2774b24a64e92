package dev.marketplace.query.catalogue.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.ElasticsearchTransport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketplace.query.catalogue.index.CatalogueIndex;
import dev.marketplace.query.catalogue.index.CatalogueProperties;
import dev.marketplace.query.shared.CursorKeys;
import dev.marketplace.query.shared.CursorSeal;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A catalogue search asks Elasticsearch only for the parts of a page the GraphQL query reads. */
class CataloguePartsTest {

    private final ElasticsearchClient client = new ElasticsearchClient(transport());
    private final OpenSearchLimits limits = new OpenSearchLimits(Duration.ofMinutes(1), 5, 500);
    private final CatalogueSearch search = new CatalogueSearch(
            client, new CatalogueQueryBuilder(() -> new RankingWeights(0.15, 0.1, 100, 10)),
            new CatalogueIndex(client, new CatalogueProperties("test-", 1, 1, "1s", Duration.ZERO)),
            new CursorSeal(new CursorKeys("unit-test-cursor-key-0123456789abcdef", List.of())),
            new OpenSearches(limits), limits);

    @Test
    void theQueryDecidesWhichPartsArePrepared() {
        assertThat(CatalogueAnswers.parts(selecting("edges/node/id", "edges/node")))
                .isEqualTo(new CatalogueParts(false, false, false, Set.of(), false));
        assertThat(CatalogueAnswers.parts(selecting("totalCount", "edges/highlights", "facets/tags", "facets")))
                .isEqualTo(new CatalogueParts(false, true, true, Set.of("tags"), false));
        assertThat(CatalogueAnswers.parts(selecting("edges/cursor")).cursors()).isTrue();
        assertThat(CatalogueAnswers.parts(selecting("pageInfo/endCursor")).cursors()).isTrue();
        assertThat(CatalogueAnswers.parts(selecting("pageInfo/hasNextPage")).cursors()).isFalse();
        assertThat(CatalogueAnswers.parts(selecting("edges/node/name", "edges/node/installCount")).versions())
                .isFalse();
        assertThat(CatalogueAnswers.parts(selecting("edges/node/versions", "edges/node/versions/number")).versions())
                .isTrue();
        assertThat(CatalogueAnswers.parts(selecting("edges/node/currentVersion", "edges/node/currentVersion/number"))
                           .versions()).isTrue();
        assertThat(CatalogueAnswers.parts(selecting("facets/categories", "facets/tags", "facets/permissions")))
                .isEqualTo(new CatalogueParts(false, false, false, Set.copyOf(CatalogueParts.FACETS), false));
    }

    @Test
    void elasticsearchIsAskedOnlyForThePartsRead() throws Exception {
        JsonNode bare = requestFor(new CatalogueParts(false, false, false, Set.of(), false));
        assertThat(bare.has("highlight")).isFalse();
        assertThat(bare.has("aggregations")).isFalse();
        assertThat(bare.path("track_total_hits").asBoolean(true)).isFalse();
        assertThat(bare.path("size").asInt()).isEqualTo(11);

        JsonNode some = requestFor(new CatalogueParts(false, true, true, Set.of("permissions"), false));
        assertThat(some.path("highlight").path("fields").has("name")).isTrue();
        assertThat(some.path("aggregations").fieldNames()).toIterable().containsExactly("permissions");
        assertThat(some.path("track_total_hits").asBoolean(false)).isTrue();

        assertThat(requestFor(CatalogueParts.ALL).path("aggregations").fieldNames()).toIterable()
                .containsExactlyInAnyOrderElementsOf(CatalogueParts.FACETS);
    }

    @Test
    void hitsBringBackTheProgramAndItsVersionsOnlyWhenRead() throws Exception {
        JsonNode withoutVersions = requestFor(new CatalogueParts(false, false, false, Set.of(), false))
                .path("_source");
        assertThat(withoutVersions.path("includes")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("id", "installCount", "ratingAverage", "ratingCount", "ratingHistogram",
                                           "ratingBayesian", "program");
        assertThat(withoutVersions.path("excludes")).extracting(JsonNode::asText).containsExactly("program.versions");

        JsonNode withVersions = requestFor(new CatalogueParts(false, false, false, Set.of(), true)).path("_source");
        assertThat(withVersions.path("includes")).extracting(JsonNode::asText).contains("program");
        assertThat(withVersions.path("excludes")).isEmpty();
    }

    @Test
    void anUnknownFacetIsRefused() {
        assertThatThrownBy(() -> new CatalogueParts(false, false, false, Set.of("colours"), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("colours");
    }

    private JsonNode requestFor(CatalogueParts parts) throws Exception {
        var request = search.firstPageRequest(
                new CatalogueRequest("harbuor ferry", CatalogueFilter.NONE, CatalogueSort.RELEVANCE, 10, null), parts);
        return new ObjectMapper().readTree(JsonpUtils.toJsonString(request, new JacksonJsonpMapper()));
    }

    /** A selection of fields at these paths, as graphql-java names them ({@code edges/node/id}). */
    private static Set<String> selecting(String... paths) {
        return Set.of(paths);
    }

    private static ElasticsearchTransport transport() {
        ElasticsearchTransport transport = mock(ElasticsearchTransport.class);
        when(transport.jsonpMapper()).thenReturn(new JacksonJsonpMapper());
        return transport;
    }
}
