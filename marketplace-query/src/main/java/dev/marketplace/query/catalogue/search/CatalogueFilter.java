package dev.marketplace.query.catalogue.search;

import dev.marketplace.api.program.Category;
import dev.marketplace.api.program.Permission;
import java.util.List;

/** Facet filters: a program matches when it has any of the listed values of each given facet. */
public record CatalogueFilter(List<Category> categories, List<String> tags, List<Permission> permissions) {

    public static final CatalogueFilter NONE = new CatalogueFilter(null, null, null);
}
