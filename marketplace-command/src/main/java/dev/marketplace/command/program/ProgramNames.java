package dev.marketplace.command.program;

import dev.marketplace.api.rules.RuleCode;
import dev.marketplace.api.rules.RuleViolation;
import java.text.Normalizer;
import java.util.Locale;

/**
 * The set of mini-program names in use, kept on the write side so that names are unique across the marketplace.
 * A name is compared in its normalised form: Unicode NFKC, trimmed, inner white space collapsed, case folded.
 */
public interface ProgramNames {

    /** True when another program already holds this name. */
    boolean isTaken(String name);

    /** Refuses {@code name} when another program already holds it. */
    default void requireFree(String name) {
        if (isTaken(name)) {
            throw taken(name);
        }
    }

    static RuleViolation taken(String name) {
        return new RuleViolation(RuleCode.NAME_TAKEN, "name",
                                 "The name '" + name + "' is already taken by another mini-program.");
    }

    static String normalize(String name) {
        String compatible = Normalizer.normalize(name, Normalizer.Form.NFKC);
        return compatible.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
