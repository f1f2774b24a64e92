package dev.marketplace.query.searchhistory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketplace.api.ranking.RankingWeightsValues;
import dev.marketplace.api.search.ChooseSearchResultCommand;
import dev.marketplace.api.search.RecordSearchCommand;
import dev.marketplace.api.search.SearchAction;
import dev.marketplace.api.search.SearchChoiceView;
import dev.marketplace.api.security.Actor;
import dev.marketplace.api.settings.SearchHistory;
import dev.marketplace.api.settings.SearchHistorySetEvent;
import dev.marketplace.api.settings.UserSettingsId;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Records signed-in users' searches, and what they chose from them, as events of their own ({@code SearchSession}
 * on the command side), under a pseudonym: an HMAC of the user id, so a user's searches belong together while the
 * stored events never name the user. Nothing is recorded for anonymous callers, for users who turned search history
 * OFF, or when recording is disabled.
 */
@Service
public record SearchSessions(CommandGateway commands, EventStore eventStore, ObjectMapper json,
                             SearchHistoryProperties properties) {

    private static final Logger log = LoggerFactory.getLogger(SearchSessions.class);

    /**
     * Records a first page of search results the actor was shown; the search's id, or null when nothing is recorded.
     * The search's answer does not wait for the record: a failure is logged and costs the searcher nothing.
     */
    public String record(Actor actor, String query, Object filter, String sort, List<String> shownIds,
                         RankingWeightsValues weights) {
        if (actor == null || !properties.enabled() || settings(actor.userId()) == SearchHistory.OFF) {
            return null;
        }
        String searchId = UUID.randomUUID().toString();
        CompletableFuture<Object> sent = commands.send(new RecordSearchCommand(
                searchId, pseudonym(actor.userId()), query == null ? "" : query, filterText(filter), sort,
                shownIds, weights));
        sent.whenComplete((result, failure) -> {
            if (failure != null) {
                log.warn("Search {} could not be recorded: {}", searchId, failure.getMessage());
            }
        });
        return searchId;
    }

    /** Records that the actor opened or installed a program one of their recorded searches showed. */
    public CompletableFuture<SearchChoiceView> choose(Actor actor, String searchId, String programId,
                                                      SearchAction action) {
        return commands.send(new ChooseSearchResultCommand(searchId, pseudonym(actor.userId()), programId, action));
    }

    /** The user's search history setting: ON until they turn it OFF. */
    public SearchHistory settings(String userId) {
        return eventStore.readEvents(UserSettingsId.of(userId)).asStream()
                         .map(e -> e.getPayload())
                         .filter(SearchHistorySetEvent.class::isInstance)
                         .map(e -> ((SearchHistorySetEvent) e).searchHistory())
                         .reduce(SearchHistory.ON, (before, after) -> after);
    }

    String pseudonym(String userId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(properties.pseudonymKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(userId.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private String filterText(Object filter) {
        try {
            return filter == null ? null : json.writeValueAsString(filter);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A catalogue filter is always writable as JSON", e);
        }
    }
}
