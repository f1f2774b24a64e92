package dev.marketplace.command.ranking;

import static dev.marketplace.command.fixtures.FixtureMatchers.violates;

import dev.marketplace.api.ranking.RankingId;
import dev.marketplace.api.ranking.RankingWeightsSetEvent;
import dev.marketplace.api.ranking.RankingWeightsValues;
import dev.marketplace.api.ranking.SetRankingWeightsCommand;
import dev.marketplace.api.rules.RuleCode;
import dev.marketplace.api.security.Actor;
import dev.marketplace.api.security.ActorMetadata;
import dev.marketplace.api.security.Role;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SetRankingWeightsTest {

    private static final RankingWeightsValues DEFAULTS = new RankingWeightsValues(0.15, 0.1, 100, 10);
    private static final RankingWeightsValues POPULAR = new RankingWeightsValues(0.6, 0.1, 100, 10);

    private final AggregateTestFixture<RankingConfiguration> fixture =
            new AggregateTestFixture<>(RankingConfiguration.class);

    @Test
    void anAdminPutsNewWeightsInForce() {
        fixture.givenNoPriorActivity()
               .when(set(POPULAR), by(Actor.of("admin-1", Role.ADMIN)))
               .expectEvents(new RankingWeightsSetEvent(RankingId.CATALOGUE, POPULAR))
               .expectResultMessagePayload(POPULAR);
    }

    @Test
    void laterChangesReplaceEarlierOnes() {
        fixture.given(new RankingWeightsSetEvent(RankingId.CATALOGUE, POPULAR))
               .when(set(DEFAULTS), by(Actor.of("admin-1", Role.ADMIN)))
               .expectEvents(new RankingWeightsSetEvent(RankingId.CATALOGUE, DEFAULTS));
    }

    @Test
    void theSameWeightsAgainStoreNothing() {
        fixture.given(new RankingWeightsSetEvent(RankingId.CATALOGUE, POPULAR))
               .when(set(POPULAR), by(Actor.of("admin-1", Role.ADMIN)))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents()
               .expectResultMessagePayload(POPULAR);
    }

    @Test
    void cannotSetWeightsWithoutTheAdminRole() {
        fixture.givenNoPriorActivity()
               .when(set(POPULAR), by(Actor.of("reviewer-1", Role.REVIEWER, Role.DEVELOPER, Role.USER)))
               .expectNoEvents()
               .expectException(violates(RuleCode.ROLE_REQUIRED));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.1, 5.01, Double.NaN, Double.POSITIVE_INFINITY})
    void cannotSetAPopularityWeightOutsideItsRange(double installs) {
        fixture.givenNoPriorActivity()
               .when(set(new RankingWeightsValues(installs, 0.1, 100, 10)), by(Actor.of("admin-1", Role.ADMIN)))
               .expectNoEvents()
               .expectException(violates(RuleCode.INVALID_INPUT));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1000.5})
    void cannotSetABoostOutsideItsRange(double phrase) {
        fixture.givenNoPriorActivity()
               .when(set(new RankingWeightsValues(0.15, 0.1, 100, phrase)), by(Actor.of("admin-1", Role.ADMIN)))
               .expectNoEvents()
               .expectException(violates(RuleCode.INVALID_INPUT));
    }

    private static SetRankingWeightsCommand set(RankingWeightsValues weights) {
        return new SetRankingWeightsCommand(RankingId.CATALOGUE, weights);
    }

    private static Map<String, Object> by(Actor actor) {
        return ActorMetadata.of(actor);
    }
}
