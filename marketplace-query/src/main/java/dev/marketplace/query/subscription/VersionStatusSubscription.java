package dev.marketplace.query.subscription;

import dev.marketplace.api.program.MiniProgramView;
import dev.marketplace.api.program.VersionView;
import dev.marketplace.api.rules.RuleCode;
import dev.marketplace.api.rules.RuleViolation;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code versionStatusChanged}: the versions of one program as they change, for as long as the client stays
 * subscribed. Anyone may follow a live program; any other only its developer and reviewers. A program the caller
 * may not see is reported as not found, as {@code miniProgram} answers null for it. Others than the developer and
 * reviewers receive only public changes: a version released or superseded, without its review.
 */
@Controller
record VersionStatusSubscription(QueryGateway queries, StoredProgram programs) {

    @SubscriptionMapping
    Flux<VersionView> versionStatusChanged(@Argument String miniProgramId) {
        String programId = programId(miniProgramId);
        Follower follower = Follower.current();
        // Changes already made when the client subscribed are not news: the update processor may still be
        // catching up with them (its token starts at the head when the node starts) and would send them late.
        long seen = programs.lastSequence(programId);
        MiniProgramView program = programs.current(programId)
                .filter(p -> follower.maySee(p.status(), p.developerId()))
                .orElseThrow(() -> new RuleViolation(RuleCode.PROGRAM_NOT_FOUND,
                                                     "No mini-program with id " + programId + "."));
        // Opened when the client subscribes and closed however the stream ends, unsubscribing included, so no
        // Axon subscription outlives its client.
        return Flux.using(() -> queries.subscriptionQuery(new FindVersionUpdatesQuery(program.id()),
                                                          ResponseTypes.multipleInstancesOf(VersionChange.class),
                                                          ResponseTypes.instanceOf(VersionChange.class)),
                          SubscriptionQueryResult::updates, SubscriptionQueryResult::close)
                   .filter(change -> change.sequence() > seen)
                   .flatMap(change -> Mono.justOrEmpty(follower.shown(change)));
    }

    private static String programId(String value) {
        if (value == null || value.isBlank() || value.length() > 64 || !value.matches("[A-Za-z0-9_-]+")) {
            throw new RuleViolation(RuleCode.INVALID_INPUT, "miniProgramId",
                                    "miniProgramId: '" + value + "' is not a mini-program id");
        }
        return value;
    }
}
