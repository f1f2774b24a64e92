package dev.marketplace.api.program;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The whole listing after the change, so a reader never needs the earlier events to know it. An update stored before
 * languages existed has no {@code defaultLocale} nor {@code translations}: English, none.
 */
@Revision("1")
public record ListingUpdatedEvent(String programId, String name, String summary, String description,
                                  Category category, List<String> tags, String iconUrl, String defaultLocale,
                                  List<ListingTranslation> translations, ListingImage icon,
                                  List<ListingImage> screenshots) implements ProgramEvent {

    public ListingUpdatedEvent {
        defaultLocale = ListingLocales.orDefault(defaultLocale);
        translations = ListingLocales.orNone(translations);
        screenshots = ListingLocales.orNone(screenshots);
    }

    /** A listing without uploaded images. */
    public ListingUpdatedEvent(String programId, String name, String summary, String description, Category category,
                               List<String> tags, String iconUrl, String defaultLocale,
                               List<ListingTranslation> translations) {
        this(programId, name, summary, description, category, tags, iconUrl, defaultLocale, translations, null,
             null);
    }

    /** An English listing without translations. */
    public ListingUpdatedEvent(String programId, String name, String summary, String description, Category category,
                               List<String> tags, String iconUrl) {
        this(programId, name, summary, description, category, tags, iconUrl, null, null, null, null);
    }
}
