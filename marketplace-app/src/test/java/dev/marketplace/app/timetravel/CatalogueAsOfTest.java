package dev.marketplace.app.timetravel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.marketplace.api.security.Role;
import dev.marketplace.app.support.MarketplaceClientTest;
import dev.marketplace.app.support.MarketplaceIntegrationTest;
import dev.marketplace.query.catalogue.index.CatalogueIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The catalogue as of an instant answers what the live catalogue answered at that instant: releases, edits,
 * suspensions, installs, uninstalls and ratings happen around several instants, the live answers are recorded at
 * each, and every as-of answer is checked against them in every sort, page by page. Relevance scores count the
 * documents an index still holds as deleted (superseded copies not yet merged away); the as-of index is merged when
 * built, and the live index is merged before each recording.
 */
@MarketplaceIntegrationTest
class CatalogueAsOfTest extends MarketplaceClientTest {

    private static final String QUERY = "Zebrafrappe";
    private static final List<String> SORTS = List.of("RELEVANCE", "INSTALLS", "RATING", "NEWEST");

    @Autowired
    ElasticsearchClient elasticsearch;
    @Autowired
    CatalogueIndex index;

    @Test
    void everyAsOfAnswerIsWhatTheLiveCatalogueSaidAtThatInstant() {
        Map<Instant, Map<String, List<Map<String, Object>>>> recorded = new LinkedHashMap<>();
        recorded.put(record(live -> true), liveAnswers());

        String alpha = marketplace.publish("dev-z1", "Zebrafrappe Alpha");
        String beta = marketplace.publish("dev-z2", "Zebrafrappe Beta Roasters");
        marketplace.install("zu1", beta);
        Instant first = record(live -> installs(live, beta) == 1 && live.size() == 2);
        recorded.put(first, liveAnswers());

        marketplace.as("dev-z1", Role.DEVELOPER).documentName("updateListing")
                   .variable("input", Map.of("miniProgramId", alpha, "name", "Zebrafrappe Alpha Espresso"))
                   .execute().path("updateListing.name").entity(String.class).isEqualTo("Zebrafrappe Alpha Espresso");
        marketplace.rate("zu2", alpha, 5, "Strong");
        marketplace.install("zu3", alpha);
        marketplace.install("zu4", alpha);
        marketplace.rate("zu1", beta, 2, "Weak");
        recorded.put(record(live -> installs(live, alpha) == 3 && ratings(live, beta) == 1
                                     && named(live, alpha).equals("Zebrafrappe Alpha Espresso")), liveAnswers());

        reviewer().documentName("suspendMiniProgram").variable("id", alpha).variable("reason", "Fake reviews")
                  .execute().path("suspendMiniProgram.status").entity(String.class).isEqualTo("SUSPENDED");
        marketplace.releaseNew("dev-z2", beta, "1.1.0", "reviewer-z");
        String gamma = marketplace.publish("dev-z3", "Zebrafrappe Gamma");
        recorded.put(record(live -> live.size() == 2 && installs(live, gamma) == 0
                                     && "1.1.0".equals(version(live, beta))), liveAnswers());

        reviewer().documentName("authorization/reinstateMiniProgram").variable("id", alpha).execute()
                  .path("reinstateMiniProgram.status").entity(String.class).isEqualTo("LIVE");
        marketplace.install("zu5", gamma);
        marketplace.as("zu1", Role.USER).documentName("uninstallMiniProgram").variable("id", beta).execute()
                   .path("uninstallMiniProgram.installed").entity(Boolean.class).isEqualTo(false);
        Instant last = record(live -> live.size() == 3 && installs(live, gamma) == 1 && installs(live, beta) == 0);
        recorded.put(last, liveAnswers());

        // The latest instant is built only once its late commits are in: meanwhile the answer is the progress.
        GraphQlTester.Response building = asOf(last, "RELEVANCE", 20, null);
        building.path("catalogueAsOf.asOf.state").entity(String.class).isEqualTo("BUILDING")
                .path("catalogueAsOf.edges").entityList(Object.class).hasSize(0)
                .path("catalogueAsOf.asOf.builtAt").valueIsNull();

        for (Map.Entry<Instant, Map<String, List<Map<String, Object>>>> instant : recorded.entrySet()) {
            String index = ready(instant.getKey());
            for (String sort : SORTS) {
                List<Map<String, Object>> answered = asOfNodes(instant.getKey(), sort);
                if (sort.equals("RELEVANCE")) {
                    // Text scores of near-equal matches move with Lucene's term statistics, which differ between
                    // a replayed index and one updated in place for as long: the same programs and figures.
                    assertThat(answered).as("catalogue by %s as of %s", sort, instant.getKey())
                                        .containsExactlyInAnyOrderElementsOf(instant.getValue().get(sort));
                } else {
                    assertThat(answered).as("catalogue by %s as of %s", sort, instant.getKey())
                                        .isEqualTo(instant.getValue().get(sort));
                }
            }
            GraphQlTester.Response answer = asOf(instant.getKey(), "RELEVANCE", 20, null);
            answer.path("catalogueAsOf.asOf.index").entity(String.class).isEqualTo(index)
                  .path("catalogueAsOf.asOf.builtAt").hasValue()
                  .path("catalogueAsOf.asOf.buildSeconds").entity(Double.class)
                  .satisfies(seconds -> assertThat(seconds).isPositive());
        }

        // A nearby instant with the same events is answered from the same index; one page at a time as well.
        String index = ready(first);
        asOf(first.plusMillis(1), "RELEVANCE", 20, null).path("catalogueAsOf.asOf.index").entity(String.class)
                                                        .isEqualTo(index);
        List<Map<String, Object>> expected = recorded.get(last).get("INSTALLS");
        ready(last);
        List<Map<String, Object>> paged = new ArrayList<>();
        String after = null;
        for (int page = 0; page < expected.size(); page++) {
            GraphQlTester.Response answer = asOf(last, "INSTALLS", 1, after);
            paged.addAll(nodes(answer, "catalogueAsOf"));
            after = answer.path("catalogueAsOf.pageInfo.endCursor").entity(String.class).get();
        }
        assertThat(paged).isEqualTo(expected);
    }

    @Test
    void anInstantInTheFutureIsRefused() {
        asOfRequest(Instant.now().plusSeconds(3600), "RELEVANCE", 20, null).execute().errors().satisfy(errors -> {
            assertThat(errors).singleElement().satisfies(e -> {
                assertThat(e.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                assertThat(e.getExtensions()).containsEntry("code", "INVALID_INPUT");
                assertThat(e.getMessage()).contains("at").contains("future");
            });
        });
    }

    /** Waits until the live catalogue shows the step, then takes the instant and lets the clock pass it. */
    private Instant record(Predicate<List<Map<String, Object>>> caughtUp) {
        await().atMost(Duration.ofSeconds(30)).until(() -> caughtUp.test(liveNodes("RELEVANCE")));
        try {
            elasticsearch.indices().forcemerge(f -> f.index(index.alias()).maxNumSegments(1L));
            elasticsearch.indices().refresh(r -> r.index(index.alias()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Instant at = Instant.now();
        await().until(() -> Instant.now().isAfter(at.plusMillis(2)));
        return at;
    }

    private Map<String, List<Map<String, Object>>> liveAnswers() {
        Map<String, List<Map<String, Object>>> answers = new LinkedHashMap<>();
        SORTS.forEach(sort -> answers.put(sort, liveNodes(sort)));
        return answers;
    }

    private List<Map<String, Object>> liveNodes(String sort) {
        return nodes(marketplace.anonymous().documentName("search").variable("query", QUERY).variable("sort", sort)
                                .variable("first", 20).execute(), "catalogue");
    }

    private List<Map<String, Object>> asOfNodes(Instant at, String sort) {
        return nodes(asOf(at, sort, 20, null), "catalogueAsOf");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> nodes(GraphQlTester.Response response, String field) {
        List<Map<String, Object>> edges = response.path(field + ".edges").entity(List.class).get();
        return edges.stream().map(e -> (Map<String, Object>) e.get("node")).toList();
    }

    /** Asks until the instant's index is built; returns its name. */
    private String ready(Instant at) {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(
                () -> asOf(at, "RELEVANCE", 1, null).path("catalogueAsOf.asOf.state").entity(String.class).get()
                                                    .equals("READY"));
        GraphQlTester.Response answer = asOf(at, "RELEVANCE", 1, null);
        double processed = answer.path("catalogueAsOf.asOf.processed").entity(Double.class).get();
        double total = answer.path("catalogueAsOf.asOf.total").entity(Double.class).get();
        assertThat(processed).isEqualTo(total);
        return answer.path("catalogueAsOf.asOf.index").entity(String.class).get();
    }

    private GraphQlTester.Response asOf(Instant at, String sort, int first, String after) {
        GraphQlTester.Response response = asOfRequest(at, sort, first, after).execute();
        response.errors().verify();
        return response;
    }

    private GraphQlTester.Request<?> asOfRequest(Instant at, String sort, int first, String after) {
        GraphQlTester.Request<?> request = reviewer().documentName("timetravel/catalogueAsOf")
                .variable("at", at.toString()).variable("query", QUERY).variable("sort", sort)
                .variable("first", first);
        return after == null ? request : request.variable("after", after);
    }

    private HttpGraphQlTester reviewer() {
        return marketplace.as("reviewer-z", Role.REVIEWER);
    }

    private static Map<String, Object> node(List<Map<String, Object>> live, String id) {
        return live.stream().filter(n -> n.get("id").equals(id)).findFirst().orElse(Map.of());
    }

    private static long installs(List<Map<String, Object>> live, String id) {
        Object count = node(live, id).get("installCount");
        return count == null ? -1 : ((Number) count).longValue();
    }

    @SuppressWarnings("unchecked")
    private static long ratings(List<Map<String, Object>> live, String id) {
        Map<String, Object> rating = (Map<String, Object>) node(live, id).get("rating");
        return rating == null ? -1 : ((Number) rating.get("count")).longValue();
    }

    private static String named(List<Map<String, Object>> live, String id) {
        return String.valueOf(node(live, id).get("name"));
    }

    @SuppressWarnings("unchecked")
    private static String version(List<Map<String, Object>> live, String id) {
        Map<String, Object> current = (Map<String, Object>) node(live, id).get("currentVersion");
        return current == null ? null : String.valueOf(current.get("number"));
    }
}
