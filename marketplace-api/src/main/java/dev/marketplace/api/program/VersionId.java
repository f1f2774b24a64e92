package dev.marketplace.api.program;

/**
 * Identifies a version across the marketplace. A version number is unique within its program, so the id is the
 * program id and the number joined by a slash: it routes a command to its program without a lookup.
 */
public record VersionId(String programId, String number) {

    private static final char SEPARATOR = '/';

    public VersionId {
        if (programId == null || programId.isBlank() || number == null || number.isBlank()) {
            throw new IllegalArgumentException("a version id needs a program id and a number");
        }
    }

    /** Parses an id made by {@link #value()}; the program id never contains the separator. */
    public static VersionId parse(String value) {
        int at = value == null ? -1 : value.indexOf(SEPARATOR);
        if (at <= 0 || at == value.length() - 1) {
            throw new IllegalArgumentException("'" + value + "' is not a version id (expected <programId>/<version>)");
        }
        return new VersionId(value.substring(0, at), value.substring(at + 1));
    }

    public String value() {
        return programId + SEPARATOR + number;
    }
}
