package dev.marketplace.api.program;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** {@code defaultLocale} null means English; {@code translations} null means none. */
public record RegisterMiniProgramCommand(@TargetAggregateIdentifier String programId, String name, String summary,
                                         String description, Category category, List<String> tags, String iconUrl,
                                         String defaultLocale, List<ListingTranslation> translations,
                                         String iconDigest, List<String> screenshotDigests) {

    /** A listing without uploaded images. */
    public RegisterMiniProgramCommand(String programId, String name, String summary, String description,
                                      Category category, List<String> tags, String iconUrl, String defaultLocale,
                                      List<ListingTranslation> translations) {
        this(programId, name, summary, description, category, tags, iconUrl, defaultLocale, translations, null,
             null);
    }

    /** An English listing without translations. */
    public RegisterMiniProgramCommand(String programId, String name, String summary, String description,
                                      Category category, List<String> tags, String iconUrl) {
        this(programId, name, summary, description, category, tags, iconUrl, null, null, null, null);
    }
}
