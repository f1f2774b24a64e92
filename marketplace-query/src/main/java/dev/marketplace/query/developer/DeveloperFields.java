package dev.marketplace.query.developer;

import dev.marketplace.api.developer.DeveloperView;
import dev.marketplace.api.program.MiniProgramView;
import dev.marketplace.api.rules.RuleViolation;
import dev.marketplace.query.catalogue.projection.PopularityStore;
import dev.marketplace.query.catalogue.search.CatalogueReader;
import dev.marketplace.query.shared.ReaderLanguage;
import dev.marketplace.query.shared.Viewer;
import graphql.GraphQLContext;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * The developer behind a program, as the catalogue processor keeps them: one query for all the developers of a
 * response (none for catalogue hits, whose documents carry name, website and badge). The contact address is the
 * developer's and the reviewers' to see only.
 */
@Controller
class DeveloperFields {

    private static final int MAX_PROGRAMS = 100;

    private final PopularityStore store;
    private final CatalogueReader reader;

    DeveloperFields(BatchLoaderRegistry loaders, PopularityStore store, CatalogueReader reader) {
        this.store = store;
        this.reader = reader;
        loaders.forTypePair(String.class, DeveloperView.class)
               .registerMappedBatchLoader((ids, env) -> Mono.fromCallable(() -> store.developers(ids)));
    }

    @SchemaMapping(typeName = "MiniProgram")
    CompletableFuture<DeveloperView> developer(MiniProgramView program, DataLoader<String, DeveloperView> loader) {
        return loader.load(program.developerId());
    }

    /** Null for an id nobody has published or set a profile under. */
    @QueryMapping
    DeveloperView developer(@Argument String id) {
        if (id == null || id.isBlank() || id.length() > 255) {
            throw RuleViolation.invalid("id", "'" + id + "' is not a developer id");
        }
        DeveloperView developer = store.developers(List.of(id)).get(id);
        boolean known = developer.displayName() != null || !reader.livePrograms(id, 1).isEmpty();
        return known ? developer : null;
    }

    /** From the profile table, not the (primed) hit: catalogue documents do not carry the address. */
    @SchemaMapping(typeName = "Developer")
    String contactEmail(DeveloperView developer) {
        if (!Viewer.isOwnerOrReviewer(developer.id())) {
            return null;
        }
        return developer.contactEmail() != null ? developer.contactEmail()
                : store.developers(List.of(developer.id())).get(developer.id()).contactEmail();
    }

    /** In the request's language (Accept-Language), like the program page they are listed on. */
    @SchemaMapping(typeName = "Developer")
    List<MiniProgramView> programs(DeveloperView developer, @Argument int first, GraphQLContext context) {
        if (first < 0 || first > MAX_PROGRAMS) {
            throw RuleViolation.invalid("first", "must be between 0 and " + MAX_PROGRAMS + ", not " + first);
        }
        String language = ReaderLanguage.resolve(null, context);
        return reader.livePrograms(developer.id(), first).stream().map(p -> p.in(language)).toList();
    }
}
