package dev.marketplace.command.ranking;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.marketplace.api.ranking.RankingId;
import dev.marketplace.api.ranking.RankingWeightsSetEvent;
import dev.marketplace.api.ranking.RankingWeightsValues;
import dev.marketplace.api.ranking.SetRankingWeightsCommand;
import dev.marketplace.api.rules.RuleCode;
import dev.marketplace.api.rules.RuleViolation;
import dev.marketplace.api.security.Actor;
import dev.marketplace.api.security.Role;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The catalogue's relevance weights, as events: each change is stored, so searches and backtests know which weights
 * were in force at any instant. Rules: only an ADMIN changes them; every weight is a finite number in its range
 * (popularity and rating 0 to 5, the exact-name and phrase boosts 1 to 1,000), so no change can make the ranking
 * ignore the text or overflow the score; the same weights again store nothing.
 */
@Aggregate
public class RankingConfiguration {

    @AggregateIdentifier
    private String id;
    private RankingWeightsValues weights;

    protected RankingConfiguration() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public RankingWeightsValues handle(SetRankingWeightsCommand command, Actor actor) {
        actor.require(Role.ADMIN);
        if (!RankingId.CATALOGUE.equals(command.rankingId())) {
            throw new RuleViolation(RuleCode.INVALID_INPUT, "The catalogue has one ranking: " + RankingId.CATALOGUE);
        }
        RankingWeightsValues w = command.weights().requireWithinRanges("weights");
        if (!w.equals(weights)) {
            apply(new RankingWeightsSetEvent(command.rankingId(), w));
        }
        return w;
    }

    @EventSourcingHandler
    void on(RankingWeightsSetEvent event) {
        id = event.rankingId();
        weights = event.weights();
    }
}
