package dev.marketplace.command.graphql;

import dev.marketplace.api.program.Category;
import dev.marketplace.api.program.ListingTranslation;
import java.util.List;

record RegisterMiniProgramInput(String name, String summary, String description, Category category,
                                List<String> tags, String iconUrl, String defaultLocale,
                                List<ListingTranslation> translations, String iconDigest,
                          List<String> screenshotDigests) {
}
