package dev.marketplace.command.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.UnicodeSet;
import dev.marketplace.api.rules.RuleViolation;
import java.util.Locale;

/**
 * Code points that a reader does not see, or that change how the text around them reads, and so let two texts
 * that look the same differ: controls, format characters, default-ignorable code points (the Hangul filler
 * U+3164, the combining grapheme joiner U+034F, ...), blanks that are not white space (the Braille blank U+2800),
 * line and paragraph separators, lone surrogates, private-use and unassigned code points. Tab and line feed are
 * left to the caller. Unicode properties come from ICU, whose Unicode version is newer than the JDK's.
 */
public enum HiddenCharacters {

    /** Names, tags, summaries and other listing text: nothing hidden at all. */
    IN_LISTINGS("[[:Cc:][:Cf:][:Cs:][:Co:][:Cn:][:Zl:][:Zp:][:Default_Ignorable_Code_Point:][\\u2800]-[\\t\\n]]"),

    /**
     * Prose such as rating texts, which may hold the joiners that emoji sequences and several scripts (Persian,
     * the Indic scripts) need, and the variation selectors that pick emoji or ideograph glyphs. Bidirectional
     * formatting is refused here too: it can make text read differently from how it is stored.
     */
    IN_PROSE("[[:Cc:][:Cf:][:Cs:][:Co:][:Cn:][:Zl:][:Zp:][:Default_Ignorable_Code_Point:][\\u2800]"
             + "-[\\t\\n\\u200C\\u200D[:Variation_Selector:]]]");

    private final UnicodeSet refused;

    HiddenCharacters(String pattern) {
        this.refused = new UnicodeSet(pattern).freeze();
    }

    /** Refuses {@code text} when it holds a hidden code point, naming the first one and {@code field}. */
    public void refuseIn(String field, String text) {
        int at = refused.span(text, UnicodeSet.SpanCondition.NOT_CONTAINED);
        if (at < text.length()) {
            int codePoint = text.codePointAt(at);
            throw RuleViolation.invalid(field, String.format(Locale.ROOT, "contains control or invisible characters"
                    + " (U+%04X %s)", codePoint, describe(codePoint)));
        }
    }

    private static String describe(int codePoint) {
        String name = UCharacter.getExtendedName(codePoint);
        return name == null ? "" : name;
    }
}
