package dev.marketplace.app.packages;

/**
 * An upload that is not a well-formed package, answered with 422 and a JSON body naming the problem: a {@code code}
 * for programs, a {@code message} for people and, when one entry is at fault, its name.
 */
public class PackageRefusal extends RuntimeException {

    private final String code;
    private final String entry;

    PackageRefusal(String code, String message) {
        this(code, message, null);
    }

    PackageRefusal(String code, String message, String entry) {
        super(message);
        this.code = code;
        this.entry = entry;
    }

    public String code() {
        return code;
    }

    /** The zip entry at fault, or null. */
    public String entry() {
        return entry;
    }
}
