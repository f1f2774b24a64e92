package dev.marketplace.command.program;

import dev.marketplace.api.program.Category;
import dev.marketplace.api.program.ListingImage;
import dev.marketplace.api.program.ListingLocales;
import dev.marketplace.api.program.ListingTranslation;
import dev.marketplace.api.rules.RuleViolation;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A program's catalogue listing, validated: every constructor path checks every field. It is written in a default
 * language and may carry translations into the other languages, each checked as the default text is.
 */
record Listing(String name, String summary, String description, Category category, List<String> tags,
               String iconUrl, String defaultLocale, List<ListingTranslation> translations, ListingImage icon,
               List<ListingImage> screenshots) {

    static final int NAME_MAX = 50;
    static final int SUMMARY_MAX = 140;
    static final int DESCRIPTION_MAX = 4000;
    static final int TAGS_MAX = 10;
    static final int TAG_MAX = 30;

    /** Snapshots and events from before languages existed hold neither: English, no translations. */
    Listing {
        defaultLocale = ListingLocales.orDefault(defaultLocale);
        translations = ListingLocales.orNone(translations);
        screenshots = ListingLocales.orNone(screenshots);
    }

    /** The images are checked already ({@link ListingImages}): they name stored uploads of the right size. */
    static Listing validated(String name, String summary, String description, Category category, List<String> tags,
                             String iconUrl, String defaultLocale, List<ListingTranslation> translations,
                             ListingImage icon, List<ListingImage> screenshots) {
        if (category == null) {
            throw RuleViolation.invalid("category", "is required");
        }
        String language = locale("defaultLocale", defaultLocale == null ? ListingLocales.ENGLISH : defaultLocale);
        return new Listing(InputRules.name("name", name, 2, NAME_MAX),
                           InputRules.requiredText("summary", summary, 1, SUMMARY_MAX, false),
                           InputRules.optionalText("description", description, DESCRIPTION_MAX),
                           category,
                           InputRules.tags(tags, TAGS_MAX, TAG_MAX),
                           InputRules.httpsUrl("iconUrl", iconUrl),
                           language, translations(language, translations), icon, screenshots);
    }

    /** This listing with each non-null argument in place of its field, validated again as a whole. */
    Listing editedTo(String newName, String newSummary, String newDescription, Category newCategory,
                     List<String> newTags, String newIconUrl, String newDefaultLocale,
                     List<ListingTranslation> newTranslations, ListingImage newIcon,
                     List<ListingImage> newScreenshots) {
        return validated(newName != null ? newName : name, newSummary != null ? newSummary : summary,
                         newDescription != null ? newDescription : description,
                         newCategory != null ? newCategory : category, newTags != null ? newTags : tags,
                         newIconUrl != null ? newIconUrl : iconUrl,
                         newDefaultLocale != null ? newDefaultLocale : defaultLocale,
                         newTranslations != null ? newTranslations : translations,
                         newIcon != null ? newIcon : icon, newScreenshots != null ? newScreenshots : screenshots);
    }

    /** Every name the listing goes by, the default one first: each must be free of every other program. */
    List<String> names() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(name),
                                              translations.stream().map(ListingTranslation::name)).toList();
    }

    private static List<ListingTranslation> translations(String defaultLocale, List<ListingTranslation> given) {
        if (given == null) {
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        return given.stream().map(t -> {
            String field = "translations";
            if (t == null) {
                throw RuleViolation.invalid(field, "must not contain empty entries");
            }
            String locale = locale(field + ".locale", t.locale());
            if (locale.equals(defaultLocale)) {
                throw RuleViolation.invalid(field + ".locale", "'" + locale + "' is the default language; "
                                                               + "its text is the listing itself");
            }
            if (!seen.add(locale)) {
                throw RuleViolation.invalid(field + ".locale", "'" + locale + "' appears more than once");
            }
            String prefix = field + "." + locale + ".";
            return new ListingTranslation(locale, InputRules.name(prefix + "name", t.name(), 2, NAME_MAX),
                                          InputRules.requiredText(prefix + "summary", t.summary(), 1, SUMMARY_MAX,
                                                                  false),
                                          InputRules.optionalText(prefix + "description", t.description(),
                                                                  DESCRIPTION_MAX));
        }).sorted(java.util.Comparator.comparing(ListingTranslation::locale)).toList();
    }

    private static String locale(String field, String value) {
        if (!ListingLocales.isSupported(value)) {
            throw RuleViolation.invalid(field, "'" + value + "' is not a listing language; use one of "
                                               + String.join(", ", ListingLocales.ALL));
        }
        return Objects.requireNonNull(value);
    }
}
