package dev.marketplace.app.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.marketplace.query.catalogue.projection.PopularityStore;
import dev.marketplace.query.catalogue.search.CataloguePage;
import dev.marketplace.query.catalogue.search.CatalogueParts;
import dev.marketplace.query.catalogue.search.CatalogueReader;
import dev.marketplace.query.catalogue.search.CatalogueRequest;
import dev.marketplace.query.catalogue.search.CatalogueSearch;
import dev.marketplace.query.catalogue.search.RankingWeightsInForce;
import dev.marketplace.query.searchhistory.SearchSessions;
import dev.marketplace.query.timetravel.AsOfIndexes;
import dev.marketplace.query.timetravel.RankingBacktests;
import dev.marketplace.query.history.AuditLog;
import dev.marketplace.query.rebuild.CatalogueRebuilds;
import dev.marketplace.query.history.PopularityAsOf;
import dev.marketplace.query.history.ProgramHistory;
import dev.marketplace.query.shared.CursorSeal;
import dev.marketplace.query.statistics.ProgramStatistics;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.graphql.GraphQlTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.util.IdGenerator;

/**
 * The GraphQL controllers' own logic, with the schema, the DateTime scalar, the argument bounds and the error
 * mapping, but none of PostgreSQL, Elasticsearch or Axon: their collaborators are mocks, so this starts in seconds.
 * Left out, since nothing here reads them: the subscription's controller (it needs the query side's stored
 * programs), abuse reports (their store is their package's own), the development sign-in (security's own), the
 * media and package endpoints (REST, with their own tests) and the application's own GraphQL features (API keys,
 * webhooks, canned responses, package changes: tested against PostgreSQL).
 */
@GraphQlTest(excludeFilters = @ComponentScan.Filter(
        type = FilterType.REGEX,
        pattern = "dev\\.marketplace\\.(query\\.(subscription|reports)|app\\.(security|media|packages|apikeys|webhooks"
                  + "|cannedresponses))\\..*"))
class ControllerSliceTest {

    @Autowired
    GraphQlTester graphQl;

    @MockitoBean
    CommandGateway commands;
    @MockitoBean
    QueryGateway queries;
    @MockitoBean
    EventStore events;
    @MockitoBean
    IdGenerator ids;
    @MockitoBean
    CatalogueSearch search;
    @MockitoBean
    CatalogueReader reader;
    @MockitoBean
    PopularityStore popularity;
    @MockitoBean
    CursorSeal seal;
    @MockitoBean
    ProgramHistory history;
    @MockitoBean
    PopularityAsOf popularityAsOf;
    @MockitoBean
    AuditLog auditLog;
    @MockitoBean
    CatalogueRebuilds rebuilds;
    @MockitoBean
    EventProcessingConfiguration processing;
    @MockitoBean
    ProgramStatistics statistics;
    @MockitoBean
    RankingWeightsInForce weights;
    @MockitoBean
    SearchSessions searchSessions;
    @MockitoBean
    AsOfIndexes asOfIndexes;
    @MockitoBean
    RankingBacktests backtests;

    @BeforeEach
    void anEmptyCatalogue() {
        when(search.search(any(), any(), any(), any())).thenReturn(new CataloguePage(List.of(), false, 0, Map.of()));
    }

    @Test
    void aMalformedProgramIdIsRefusedNamingTheArgument() {
        assertRefusedNaming(graphQl.documentName("suspendMiniProgram").variable("id", "not+a+program")
                                   .variable("reason", "spam").execute(), "id", commands);
    }

    @Test
    void aMalformedVersionIdIsRefusedNamingTheArgument() {
        assertRefusedNaming(graphQl.documentName("rollbackRelease").variable("miniProgramId", "ferry")
                                   .variable("toVersionId", "ferry-without-a-number").execute(),
                            "toVersionId", commands);
    }

    @Test
    void aRollbackToAnotherProgramsVersionIsRefusedBeforeAnyCommand() {
        assertRefusedNaming(graphQl.documentName("rollbackRelease").variable("miniProgramId", "ferry")
                                   .variable("toVersionId", "harbour/1.0.0").execute(), "toVersionId", commands);
    }

    @Test
    void catalogueCardsAskElasticsearchForNothingElse() {
        graphQl.documentName("slice/catalogueCards").execute()
               .path("catalogue.edges").entityList(Object.class).hasSize(0);
        assertThat(partsAsked()).isEqualTo(new CatalogueParts(false, false, false, Set.of(), false));
    }

    @Test
    void theSelectionDecidesWhichPartsElasticsearchPrepares() {
        graphQl.documentName("slice/catalogueEverything").execute()
               .path("catalogue.totalCount").entity(Long.class).isEqualTo(0L);
        assertThat(partsAsked()).isEqualTo(new CatalogueParts(true, true, true, Set.of("tags", "permissions"),
                                                              false));
    }

    @Test
    void anOmittedFirstTakesTheSchemasDefault() {
        graphQl.documentName("slice/catalogueFirst").execute()
               .path("catalogue.edges").entityList(Object.class).hasSize(0);
        ArgumentCaptor<CatalogueRequest> request = ArgumentCaptor.forClass(CatalogueRequest.class);
        verify(search).search(any(), request.capture(), any(), any());
        assertThat(request.getValue().first()).isEqualTo(20);

        when(reader.suggest("fer", 8, null)).thenReturn(List.of("Ferry"));
        graphQl.documentName("slice/suggestSome").variable("prefix", "fer").execute()
               .path("suggest").entityList(String.class).containsExactly("Ferry");
    }

    @Test
    void aPageSizeOutOfBoundsIsRefused() {
        for (int first : new int[] {-1, 0, 21}) {
            graphQl.documentName("slice/suggestSome").variable("prefix", "fer").variable("first", first).execute()
                   .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> assertThat(
                           error.getExtensions()).containsEntry("code", "INVALID_INPUT")
                                                 .containsEntry("field", "first")));
        }
        verifyNoInteractions(reader);
    }

    @Test
    void anExplicitNullFirstIsRefusedRatherThanPassedOn() {
        assertRefusedNaming(graphQl.documentName("slice/catalogueFirst").variable("first", null).execute(), "first",
                            search);
    }

    /** The only error is INVALID_INPUT naming {@code field}, and {@code untouched} was never called. */
    private static void assertRefusedNaming(GraphQlTester.Response response, String field, Object untouched) {
        response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.getErrorType()).hasToString("BAD_REQUEST");
            assertThat(error.getExtensions()).containsEntry("code", "INVALID_INPUT").containsEntry("field", field);
        }));
        verifyNoInteractions(untouched);
    }

    private CatalogueParts partsAsked() {
        ArgumentCaptor<CatalogueParts> parts = ArgumentCaptor.forClass(CatalogueParts.class);
        verify(search).search(any(), any(), parts.capture(), any());
        return parts.getValue();
    }
}
