package dev.marketplace.command.search;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.marketplace.api.rules.RuleCode;
import dev.marketplace.api.rules.RuleViolation;
import dev.marketplace.api.search.ChooseSearchResultCommand;
import dev.marketplace.api.search.RecordSearchCommand;
import dev.marketplace.api.search.SearchAction;
import dev.marketplace.api.search.SearchChoiceView;
import dev.marketplace.api.search.SearchRecordedEvent;
import dev.marketplace.api.search.SearchResultChosenEvent;
import dev.marketplace.api.security.Actor;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One recorded search and what its searcher did next, kept for ranking backtests. Rules: a search is recorded once,
 * for a signed-in user, under the pseudonym the read side made (it never holds the user id); only the same searcher
 * chooses from it, and only a program it showed, whose place in the list becomes the choice's position; choosing the
 * same program the same way again stores nothing. A search past its retention is deleted with its choices, and is
 * then not found.
 */
@Aggregate
public class SearchSession {

    @AggregateIdentifier
    private String searchId;
    private String searcher;
    private List<String> shownIds;
    private final Set<String> chosen = new HashSet<>();

    protected SearchSession() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(RecordSearchCommand command, Actor actor) {
        if (searchId != null) {
            throw new RuleViolation(RuleCode.CONFLICT, "Search " + command.searchId() + " is already recorded.");
        }
        if (command.searcher() == null || command.searcher().isBlank() || command.searcher().equals(actor.userId())) {
            throw new RuleViolation(RuleCode.INVALID_INPUT, "A search is recorded under a pseudonym, never a user id.");
        }
        apply(new SearchRecordedEvent(command.searchId(), command.searcher(), command.query(), command.filter(),
                                      command.sort(), List.copyOf(command.shownIds()), command.weights()));
        return command.searchId();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public SearchChoiceView handle(ChooseSearchResultCommand command, Actor actor) {
        if (searchId == null || !searcher.equals(command.searcher())) {
            throw new RuleViolation(RuleCode.SEARCH_NOT_FOUND, "You have no recorded search " + command.searchId()
                                                               + " (searches are kept for a limited time).");
        }
        int position = shownIds.indexOf(command.programId()) + 1;
        if (position == 0) {
            throw RuleViolation.invalid("miniProgramId", "was not among the results of search " + searchId);
        }
        if (!chosen.contains(key(command.programId(), command.action()))) {
            apply(new SearchResultChosenEvent(searchId, searcher, command.programId(), position, command.action()));
        }
        return new SearchChoiceView(searchId, command.programId(), position, command.action());
    }

    private static String key(String programId, SearchAction action) {
        return action + ":" + programId;
    }

    @EventSourcingHandler
    void on(SearchRecordedEvent event) {
        searchId = event.searchId();
        searcher = event.searcher();
        shownIds = event.shownIds();
    }

    @EventSourcingHandler
    void on(SearchResultChosenEvent event) {
        chosen.add(key(event.programId(), event.action()));
    }
}
