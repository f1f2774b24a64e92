package dev.marketplace.command.graphql;

import dev.marketplace.api.rating.FlagRatingCommand;
import dev.marketplace.api.rating.FlagReason;
import dev.marketplace.api.rating.HideRatingCommand;
import dev.marketplace.api.rating.RateMiniProgramCommand;
import dev.marketplace.api.rating.RatingId;
import dev.marketplace.api.rating.RatingView;
import dev.marketplace.api.rating.ReplyToRatingCommand;
import dev.marketplace.api.rating.RestoreRatingCommand;
import java.security.Principal;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * Translates the rating mutations into commands; the aggregate's answer is the response. A new rating's id is made
 * here from the principal; rating ids that clients send back are checked for shape before any command is sent.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class RatingMutations {

    private final CommandGateway commands;

    RatingMutations(CommandGateway commands) {
        this.commands = commands;
    }

    @MutationMapping
    CompletableFuture<RatingView> rateMiniProgram(@Argument RateInput input, Principal principal) {
        String programId = Ids.program("input.miniProgramId", input.miniProgramId());
        String ratingId = new RatingId(programId, principal.getName()).value();
        return commands.send(new RateMiniProgramCommand(ratingId, programId, input.stars(), input.text()));
    }

    @MutationMapping
    CompletableFuture<RatingView> replyToRating(@Argument String ratingId, @Argument String text) {
        return commands.send(new ReplyToRatingCommand(rating("ratingId", ratingId), text));
    }

    @MutationMapping
    CompletableFuture<RatingView> flagRating(@Argument String ratingId, @Argument FlagReason reason) {
        return commands.send(new FlagRatingCommand(rating("ratingId", ratingId), reason));
    }

    @MutationMapping
    CompletableFuture<RatingView> hideRating(@Argument String ratingId) {
        return commands.send(new HideRatingCommand(rating("ratingId", ratingId)));
    }

    @MutationMapping
    CompletableFuture<RatingView> restoreRating(@Argument String ratingId) {
        return commands.send(new RestoreRatingCommand(rating("ratingId", ratingId)));
    }

    private static String rating(String argument, String value) {
        return Ids.perUserAndProgram(argument, value, RatingId.FORM);
    }
}
