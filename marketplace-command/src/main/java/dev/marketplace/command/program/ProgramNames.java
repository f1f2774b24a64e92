package dev.marketplace.command.program;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The set of mini-program names in use, kept on the write side so that names are unique across the marketplace.
 * A name is compared in its normalised form: Unicode NFKC, trimmed, inner white space collapsed, case folded.
 */
public interface ProgramNames {

    /** True when another program already holds this name. */
    boolean isTaken(String name);

    static String normalize(String name) {
        String compatible = Normalizer.normalize(name, Normalizer.Form.NFKC);
        return compatible.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
