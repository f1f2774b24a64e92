package dev.marketplace.api.program;

/**
 * An image of a listing (its icon or a screenshot) as stored: the SHA-256 of the bytes served from
 * {@code /media/<digest>}, their media type and the picture's size in pixels. Events carry it whole, so readers
 * know an image's size without asking the media store.
 */
public record ListingImage(String digest, String contentType, int width, int height) {
}
