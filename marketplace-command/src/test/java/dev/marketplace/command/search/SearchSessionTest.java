package dev.marketplace.command.search;

import static dev.marketplace.command.fixtures.FixtureMatchers.violates;

import dev.marketplace.api.ranking.RankingWeightsValues;
import dev.marketplace.api.rules.RuleCode;
import dev.marketplace.api.search.ChooseSearchResultCommand;
import dev.marketplace.api.search.RecordSearchCommand;
import dev.marketplace.api.search.SearchAction;
import dev.marketplace.api.search.SearchChoiceView;
import dev.marketplace.api.search.SearchRecordedEvent;
import dev.marketplace.api.search.SearchResultChosenEvent;
import dev.marketplace.api.security.Actor;
import dev.marketplace.api.security.ActorMetadata;
import dev.marketplace.api.security.Role;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class SearchSessionTest {

    private static final Map<String, Object> USER = ActorMetadata.of(Actor.of("user-1", Role.USER));
    private static final RankingWeightsValues WEIGHTS = new RankingWeightsValues(0.15, 0.1, 100, 10);
    private static final SearchRecordedEvent RECORDED = new SearchRecordedEvent(
            "s-1", "pseudo-1", "coffee", null, "RELEVANCE", List.of("p-a", "p-b", "p-c"), WEIGHTS);

    private final AggregateTestFixture<SearchSession> fixture = new AggregateTestFixture<>(SearchSession.class);

    @Test
    void aSearchIsRecordedUnderItsPseudonym() {
        fixture.givenNoPriorActivity()
               .when(new RecordSearchCommand("s-1", "pseudo-1", "coffee", null, "RELEVANCE",
                                             List.of("p-a", "p-b", "p-c"), WEIGHTS), USER)
               .expectEvents(RECORDED);
    }

    @Test
    void cannotRecordASearchUnderTheUserId() {
        fixture.givenNoPriorActivity()
               .when(new RecordSearchCommand("s-1", "user-1", "coffee", null, "RELEVANCE", List.of(), WEIGHTS), USER)
               .expectNoEvents()
               .expectException(violates(RuleCode.INVALID_INPUT));
    }

    @Test
    void aChoiceRecordsThePlaceTheSearchShowedTheProgramAt() {
        fixture.given(RECORDED)
               .when(new ChooseSearchResultCommand("s-1", "pseudo-1", "p-c", SearchAction.INSTALLED), USER)
               .expectEvents(new SearchResultChosenEvent("s-1", "pseudo-1", "p-c", 3, SearchAction.INSTALLED))
               .expectResultMessagePayload(new SearchChoiceView("s-1", "p-c", 3, SearchAction.INSTALLED));
    }

    @Test
    void choosingTheSameProgramTheSameWayAgainStoresNothing() {
        fixture.given(RECORDED, new SearchResultChosenEvent("s-1", "pseudo-1", "p-c", 3, SearchAction.OPENED))
               .when(new ChooseSearchResultCommand("s-1", "pseudo-1", "p-c", SearchAction.OPENED), USER)
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void cannotChooseFromSomeoneElsesSearch() {
        fixture.given(RECORDED)
               .when(new ChooseSearchResultCommand("s-1", "pseudo-2", "p-a", SearchAction.OPENED), USER)
               .expectNoEvents()
               .expectException(violates(RuleCode.SEARCH_NOT_FOUND));
    }

    @Test
    void cannotChooseFromASearchNeverRecordedOrDeleted() {
        fixture.givenNoPriorActivity()
               .when(new ChooseSearchResultCommand("s-9", "pseudo-1", "p-a", SearchAction.OPENED), USER)
               .expectNoEvents()
               .expectException(violates(RuleCode.SEARCH_NOT_FOUND));
    }

    @Test
    void cannotChooseAProgramTheSearchDidNotShow() {
        fixture.given(RECORDED)
               .when(new ChooseSearchResultCommand("s-1", "pseudo-1", "p-z", SearchAction.INSTALLED), USER)
               .expectNoEvents()
               .expectException(violates(RuleCode.INVALID_INPUT, "miniProgramId"));
    }
}
