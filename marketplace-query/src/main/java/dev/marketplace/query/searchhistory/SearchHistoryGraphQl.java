package dev.marketplace.query.searchhistory;

import dev.marketplace.api.search.SearchAction;
import dev.marketplace.api.search.SearchChoiceView;
import dev.marketplace.api.settings.UserSettingsView;
import dev.marketplace.query.shared.Viewer;
import java.util.concurrent.CompletableFuture;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** A user's own search-history setting, and the choices a client reports from a recorded search. */
@Controller
record SearchHistoryGraphQl(SearchSessions sessions) {

    @QueryMapping
    UserSettingsView mySettings() {
        return new UserSettingsView(sessions.settings(Viewer.required().userId()));
    }

    @MutationMapping
    CompletableFuture<SearchChoiceView> chooseSearchResult(@Argument String searchId, @Argument String miniProgramId,
                                                           @Argument SearchAction action) {
        return sessions.choose(Viewer.required(), searchId, miniProgramId, action);
    }
}
