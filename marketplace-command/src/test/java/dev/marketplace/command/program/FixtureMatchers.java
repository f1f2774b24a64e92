package dev.marketplace.command.program;

import dev.marketplace.api.rules.RuleCode;
import dev.marketplace.api.rules.RuleViolation;
import java.util.Objects;
import java.util.function.Consumer;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

/**
 * Hamcrest matchers for the fixtures' {@code expectException} and {@code expectResultMessagePayloadMatching}:
 * {@link RuleViolation} exposes its code as {@code code()}, not as a bean property, and results read best as AssertJ.
 */
final class FixtureMatchers {

    private FixtureMatchers() {
    }

    /** A {@link RuleViolation} of {@code code}, whatever field it names. */
    static Matcher<RuleViolation> violates(RuleCode code) {
        return new Violation(code, null);
    }

    /** A {@link RuleViolation} of {@code code} that names {@code field} as the input at fault. */
    static Matcher<RuleViolation> violates(RuleCode code, String field) {
        return new Violation(code, Objects.requireNonNull(field));
    }

    /** A {@code type} that passes the AssertJ {@code assertions}; a failed assertion is the mismatch description. */
    static <T> Matcher<T> satisfies(Class<T> type, Consumer<T> assertions) {
        return new TypeSafeDiagnosingMatcher<>(type) {
            @Override
            protected boolean matchesSafely(T item, Description mismatch) {
                try {
                    assertions.accept(item);
                    return true;
                } catch (AssertionError failed) {
                    mismatch.appendText(failed.getMessage());
                    return false;
                }
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a " + type.getSimpleName() + " satisfying the test's assertions");
            }
        };
    }

    private static final class Violation extends TypeSafeDiagnosingMatcher<RuleViolation> {

        private final RuleCode code;
        private final String field;

        Violation(RuleCode code, String field) {
            this.code = code;
            this.field = field;
        }

        @Override
        protected boolean matchesSafely(RuleViolation violation, Description mismatch) {
            mismatch.appendText("a rule violation of ").appendValue(violation.code())
                    .appendText(" on field ").appendValue(violation.field())
                    .appendText(": ").appendValue(violation.getMessage());
            return violation.code() == code && (field == null || field.equals(violation.field()));
        }

        @Override
        public void describeTo(Description description) {
            description.appendText("a rule violation of ").appendValue(code);
            if (field != null) {
                description.appendText(" on field ").appendValue(field);
            }
        }
    }
}
