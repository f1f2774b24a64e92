package dev.marketplace.command.program;

import dev.marketplace.api.rules.RuleCode;
import dev.marketplace.api.rules.RuleViolation;
import java.text.Normalizer;
import java.util.Locale;

/**
 * The set of mini-program names in use, kept on the write side so that names are unique across the marketplace.
 * Names that look alike are the same name: a name is compared by its {@link #key}, the confusable skeleton of its
 * normalised form (Unicode NFKC, trimmed, inner white space collapsed, lower case).
 */
public interface ProgramNames {

    /** The subscribing processor that keeps the table, in the transaction of the events it reflects. */
    String PROCESSING_GROUP = "program-names";

    /** The longest key the lookup table holds; a listing name's length limit keeps every key well under it. */
    int KEY_MAX = 400;

    /** True when another program already holds this name. */
    boolean isTaken(String name);

    /** Refuses {@code name} when another program already holds it. */
    default void requireFree(String name) {
        if (isTaken(name)) {
            throw taken(name);
        }
    }

    static RuleViolation taken(String name) {
        return taken("name", name);
    }

    /** The name in {@code field} (the default name, or a translation's) is another program's. */
    static RuleViolation taken(String field, String name) {
        return new RuleViolation(RuleCode.NAME_TAKEN, field,
                                 "The name '" + name + "' is already taken by another mini-program.");
    }

    static String normalize(String name) {
        String compatible = Normalizer.normalize(name, Normalizer.Form.NFKC);
        return compatible.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /**
     * What uniqueness compares: {@code Осе} in Cyrillic, {@code OCE} and {@code Oce} share one key, as do
     * {@code PAYPA1} and {@code PayPal}. It depends on the {@link #normalize normalised} name alone, so stored keys
     * can be recomputed from stored normalised names. Refused as a field error should it not fit the lookup table.
     */
    static String key(String name) {
        String key = keyOfNormalized(normalize(name));
        if (key.length() > KEY_MAX) {
            throw RuleViolation.invalid("name", "is too long once its look-alike letters are spelled out");
        }
        return key;
    }

    /**
     * The confusable skeleton, taken twice around lower-casing: a skeleton spells some look-alikes in capitals
     * ({@code 0} becomes {@code O}), which the lower case {@code o} would otherwise not meet.
     */
    static String keyOfNormalized(String normalized) {
        return Lookalikes.skeleton(Lookalikes.skeleton(normalized).toLowerCase(Locale.ROOT));
    }
}
