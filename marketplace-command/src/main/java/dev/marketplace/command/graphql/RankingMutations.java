package dev.marketplace.command.graphql;

import dev.marketplace.api.ranking.RankingId;
import dev.marketplace.api.ranking.RankingWeightsValues;
import dev.marketplace.api.ranking.SetRankingWeightsCommand;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** Puts relevance weights in force; the ranking configuration's aggregate decides whether the caller may. */
@Controller
@PreAuthorize("isAuthenticated()")
class RankingMutations {

    private final CommandGateway commands;

    RankingMutations(CommandGateway commands) {
        this.commands = commands;
    }

    @MutationMapping
    CompletableFuture<RankingWeightsValues> setRankingWeights(@Argument RankingWeightsValues weights) {
        return commands.send(new SetRankingWeightsCommand(RankingId.CATALOGUE, weights));
    }
}
