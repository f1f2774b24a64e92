package dev.marketplace.api.program;

/**
 * A listing's text in one more language ({@code locale}: {@value ListingLocales#ENGLISH} or
 * {@value ListingLocales#CHINESE}); a null description shows the default language's.
 */
public record ListingTranslation(String locale, String name, String summary, String description) {
}
