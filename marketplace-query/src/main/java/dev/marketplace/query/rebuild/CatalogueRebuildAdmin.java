package dev.marketplace.query.rebuild;

import dev.marketplace.query.shared.Viewer;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Lets an admin start a catalogue rebuild and watch it. */
@Controller
record CatalogueRebuildAdmin(CatalogueRebuilds rebuilds) {

    @MutationMapping
    CatalogueRebuild rebuildCatalogue() {
        return rebuilds.start(Viewer.admin().userId());
    }

    @QueryMapping
    CatalogueRebuild catalogueRebuild() {
        Viewer.admin();
        return rebuilds.progress().orElse(null);
    }
}
