package dev.marketplace.api.program;

import java.time.Instant;
import java.util.List;

/**
 * A mini-program as clients see it. The write side returns it from a command (read-your-writes) and the read side
 * builds it from its projections, so both answer GraphQL with the same shape.
 */
public record MiniProgramView(String id, String developerId, String name, String summary, String description,
                              Category category, List<String> tags, String iconUrl, ProgramStatus status,
                              String currentVersion, List<VersionView> versions, Instant createdAt,
                              Instant updatedAt, String defaultLocale, List<ListingTranslation> translations,
                              ListingImage icon, List<ListingImage> screenshots) {

    /** A view stored before languages and images existed is English without translations or images. */
    public MiniProgramView {
        defaultLocale = ListingLocales.orDefault(defaultLocale);
        translations = ListingLocales.orNone(translations);
        screenshots = ListingLocales.orNone(screenshots);
    }

    /** A listing without uploaded images. */
    public MiniProgramView(String id, String developerId, String name, String summary, String description,
                           Category category, List<String> tags, String iconUrl, ProgramStatus status,
                           String currentVersion, List<VersionView> versions, Instant createdAt, Instant updatedAt,
                           String defaultLocale, List<ListingTranslation> translations) {
        this(id, developerId, name, summary, description, category, tags, iconUrl, status, currentVersion, versions,
             createdAt, updatedAt, defaultLocale, translations, null, null);
    }

    /** An English listing without translations. */
    public MiniProgramView(String id, String developerId, String name, String summary, String description,
                           Category category, List<String> tags, String iconUrl, ProgramStatus status,
                           String currentVersion, List<VersionView> versions, Instant createdAt, Instant updatedAt) {
        this(id, developerId, name, summary, description, category, tags, iconUrl, status, currentVersion, versions,
             createdAt, updatedAt, null, null, null, null);
    }

    /**
     * The listing as a reader of {@code locale} sees it: that language's name, summary and description when the
     * listing has them, else the default language's. The default language itself, or none asked, is the listing.
     */
    public MiniProgramView in(String locale) {
        if (locale == null || locale.equals(defaultLocale)) {
            return this;
        }
        return translations.stream().filter(t -> t.locale().equals(locale)).findFirst()
                .map(t -> new MiniProgramView(id, developerId, t.name(), t.summary(),
                                              t.description() != null ? t.description() : description, category,
                                              tags, iconUrl, status, currentVersion, versions, createdAt, updatedAt,
                                              defaultLocale, translations, icon, screenshots))
                .orElse(this);
    }
}
