package dev.marketplace.command.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The lookup table's columns must hold the normalised name and the key of every name that passes the length limit,
 * which counts NFKC code points ({@code V10__program_name_keys.sql}: 200 and {@link ProgramNames#KEY_MAX}). Both
 * are built code point by code point from the NFKC form, so the longest that any code point an NFKC form can hold
 * becomes bounds them; an ICU upgrade that lengthens a skeleton fails here rather than in the database.
 */
class ProgramNamesTest {

    static final int NORMALIZED_NAME_COLUMN = 200;

    @Test
    void theKeyAndNormalisedNameOfEveryNameWithinTheLengthLimitFitTheLookupTable() {
        int longestKey = codePoints().map(cp -> ProgramNames.keyOfNormalized(lower(cp)).length()).max().orElseThrow();
        int longestLower = codePoints().map(cp -> lower(cp).length()).max().orElseThrow();

        assertThat(longestKey * Listing.NAME_MAX).isLessThanOrEqualTo(ProgramNames.KEY_MAX);
        assertThat(longestLower * Listing.NAME_MAX).isLessThanOrEqualTo(NORMALIZED_NAME_COLUMN);
    }

    @Test
    void aNameAndItsLookAlikesShareOneKey() {
        assertThat(ProgramNames.key("Walmart")).isEqualTo(ProgramNames.key("W\u0430lmart"))
                                               .isEqualTo(ProgramNames.key("  WALMART "));
        assertThat(ProgramNames.key("\u041E\u0441\u0435")).isEqualTo(ProgramNames.key("Oce"));
        assertThat(ProgramNames.key("G00GLE")).isEqualTo(ProgramNames.key("Google"));
        assertThat(ProgramNames.key("Coffee Shop")).isNotEqualTo(ProgramNames.key("Coffee Shops"));
    }

    private static IntStream codePoints() {
        return IntStream.rangeClosed(0, Character.MAX_CODE_POINT).filter(cp -> cp < 0xD800 || cp > 0xDFFF)
                        .filter(cp -> Normalizer.isNormalized(Character.toString(cp), Normalizer.Form.NFKC));
    }

    private static String lower(int codePoint) {
        return Character.toString(codePoint).toLowerCase(Locale.ROOT);
    }
}
