package dev.marketplace.query.graphql;

import dev.marketplace.api.program.MiniProgramView;
import dev.marketplace.api.program.VersionView;
import dev.marketplace.query.catalogue.CatalogueReader;
import dev.marketplace.query.catalogue.Popularity;
import dev.marketplace.query.graphql.Connections.Developer;
import dev.marketplace.query.graphql.Connections.RatingSummary;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Fields of MiniProgram that are not plain properties of {@link MiniProgramView}. Install counts and ratings come
 * from the catalogue through one batched lookup per request, however many programs a response holds.
 */
@Controller
class ProgramFields {

    ProgramFields(BatchLoaderRegistry loaders, CatalogueReader reader) {
        loaders.forTypePair(String.class, Popularity.class)
               .registerMappedBatchLoader((ids, env) -> Mono.fromCallable(() -> reader.popularity(ids)));
    }

    @SchemaMapping(typeName = "MiniProgram")
    Developer developer(MiniProgramView program) {
        return new Developer(program.developerId());
    }

    @SchemaMapping(typeName = "MiniProgram")
    VersionView currentVersion(MiniProgramView program) {
        return program.versions().stream().filter(v -> v.number().equals(program.currentVersion())).findFirst()
                      .orElse(null);
    }

    @SchemaMapping(typeName = "MiniProgram")
    CompletableFuture<Long> installCount(MiniProgramView program, DataLoader<String, Popularity> popularity) {
        return popularity.load(program.id()).thenApply(Popularity::installCount);
    }

    @SchemaMapping(typeName = "MiniProgram")
    CompletableFuture<RatingSummary> rating(MiniProgramView program, DataLoader<String, Popularity> popularity) {
        return popularity.load(program.id()).thenApply(
                p -> new RatingSummary(p.ratingAverage(), p.ratingCount(), p.ratingHistogram()));
    }
}
