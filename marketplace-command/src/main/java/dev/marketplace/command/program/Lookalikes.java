package dev.marketplace.command.program;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.SpoofChecker;
import com.ibm.icu.util.VersionInfo;
import dev.marketplace.api.rules.RuleViolation;
import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Names that pass for other names (Unicode UTS #39, as ICU implements it). Uniqueness compares confusable
 * skeletons, in which look-alikes from any script share one prototype (Cyrillic а and Latin a, "rn" and "m"), so
 * a taken name cannot be had again by swapping letters. A name mixing scripts whose letters pass for each other
 * (Latin with Cyrillic, Greek or Cherokee) is refused outright: ICU's moderately restrictive level, which keeps
 * Latin beside one other script such as Han ("麦当劳 McDonald's"), kana, Hangul, Arabic or Thai.
 */
final class Lookalikes {

    /** What a skeleton depends on: when this changes, stored keys are computed afresh ({@link ProgramNameRekeying}). */
    static final String SKELETON_DEFINITION = "UTS #39 skeleton, ICU " + VersionInfo.ICU_VERSION;

    private static final SpoofChecker CHECKER = new SpoofChecker.Builder()
            .setChecks(SpoofChecker.RESTRICTION_LEVEL | SpoofChecker.MIXED_NUMBERS | SpoofChecker.INVISIBLE)
            .setRestrictionLevel(SpoofChecker.RestrictionLevel.MODERATELY_RESTRICTIVE)
            .build();

    private Lookalikes() {
    }

    /** Refuses a name that mixes look-alike scripts or digit systems, or repeats a combining mark unseen. */
    static void refuseSpoofing(String field, String name) {
        String compatible = Normalizer.normalize(name, Normalizer.Form.NFKC);
        SpoofChecker.CheckResult result = new SpoofChecker.CheckResult();
        if (!CHECKER.failsChecks(compatible, result)) {
            return;
        }
        if ((result.checks & SpoofChecker.RESTRICTION_LEVEL) != 0) {
            throw RuleViolation.invalid(field, "mixes letters of scripts that look alike (" + scripts(compatible)
                                               + "); write it in one script");
        }
        if ((result.checks & SpoofChecker.MIXED_NUMBERS) != 0) {
            throw RuleViolation.invalid(field, "mixes digits of different number systems");
        }
        throw RuleViolation.invalid(field, "repeats a combining mark, which does not show");
    }

    static String skeleton(String text) {
        return CHECKER.getSkeleton(text);
    }

    private static String scripts(String text) {
        Set<String> names = new LinkedHashSet<>();
        text.codePoints().filter(UCharacter::isLetter).map(UScript::getScript)
            .forEach(script -> names.add(UScript.getName(script)));
        return String.join(" and ", names);
    }
}
