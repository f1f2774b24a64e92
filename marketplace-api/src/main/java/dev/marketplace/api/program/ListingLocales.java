package dev.marketplace.api.program;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages a listing can be written in, and how a reader's language is chosen: an exact tag, else its
 * primary language ({@code zh-Hant-TW} reads Chinese), else none (the listing's default language then answers).
 */
public final class ListingLocales {

    public static final String ENGLISH = "en";
    public static final String CHINESE = "zh";
    public static final List<String> ALL = List.of(ENGLISH, CHINESE);

    private ListingLocales() {
    }

    public static boolean isSupported(String locale) {
        return ALL.contains(locale);
    }

    /** The supported language a tag such as {@code zh-CN} or {@code en_GB} names, if any. */
    public static Optional<String> of(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String primary = tag.strip().replace('_', '-').split("-")[0].toLowerCase(Locale.ROOT);
        return isSupported(primary) ? Optional.of(primary) : Optional.empty();
    }

    /** A listing written before languages existed is English. */
    public static String orDefault(String locale) {
        return locale == null ? ENGLISH : locale;
    }

    public static <T> List<T> orNone(List<T> translations) {
        return translations == null ? List.of() : translations;
    }
}
