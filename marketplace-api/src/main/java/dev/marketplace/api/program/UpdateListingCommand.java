package dev.marketplace.api.program;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Changes a listing; a null field keeps its current value ({@code translations}: an empty list removes them all). */
public record UpdateListingCommand(@TargetAggregateIdentifier String programId, String name, String summary,
                                  String description, Category category, List<String> tags, String iconUrl,
                                  String defaultLocale, List<ListingTranslation> translations, String iconDigest,
                                  List<String> screenshotDigests) {

    /** Changes no image. */
    public UpdateListingCommand(String programId, String name, String summary, String description, Category category,
                                List<String> tags, String iconUrl, String defaultLocale,
                                List<ListingTranslation> translations) {
        this(programId, name, summary, description, category, tags, iconUrl, defaultLocale, translations, null,
             null);
    }

    /** Changes no language. */
    public UpdateListingCommand(String programId, String name, String summary, String description, Category category,
                                List<String> tags, String iconUrl) {
        this(programId, name, summary, description, category, tags, iconUrl, null, null, null, null);
    }
}
