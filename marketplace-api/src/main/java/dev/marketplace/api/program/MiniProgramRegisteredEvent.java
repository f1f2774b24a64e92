package dev.marketplace.api.program;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * {@code defaultLocale}, {@code translations}, {@code icon} and {@code screenshots} came later: a registration stored
 * before them has none, read as English without translations or images (the canonical constructor fills them in).
 */
@Revision("1")
public record MiniProgramRegisteredEvent(String programId, String developerId, String name, String summary,
                                         String description, Category category, List<String> tags,
                                         String iconUrl, String defaultLocale,
                                         List<ListingTranslation> translations, ListingImage icon,
                                         List<ListingImage> screenshots) implements ProgramEvent {

    public MiniProgramRegisteredEvent {
        defaultLocale = ListingLocales.orDefault(defaultLocale);
        translations = ListingLocales.orNone(translations);
        screenshots = ListingLocales.orNone(screenshots);
    }

    /** A listing without uploaded images. */
    public MiniProgramRegisteredEvent(String programId, String developerId, String name, String summary,
                                      String description, Category category, List<String> tags, String iconUrl,
                                      String defaultLocale, List<ListingTranslation> translations) {
        this(programId, developerId, name, summary, description, category, tags, iconUrl, defaultLocale,
             translations, null, null);
    }

    /** An English listing without translations. */
    public MiniProgramRegisteredEvent(String programId, String developerId, String name, String summary,
                                      String description, Category category, List<String> tags, String iconUrl) {
        this(programId, developerId, name, summary, description, category, tags, iconUrl, null, null, null, null);
    }
}
