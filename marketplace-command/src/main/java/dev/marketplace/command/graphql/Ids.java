package dev.marketplace.command.graphql;

import dev.marketplace.api.program.VersionId;
import dev.marketplace.api.rules.RuleCode;
import dev.marketplace.api.rules.RuleViolation;
import java.util.function.Function;

/** Parses ids that clients send, refusing malformed ones with a message that names the argument. */
final class Ids {

    private Ids() {
    }

    static VersionId version(String argument, String value) {
        try {
            return VersionId.parse(value);
        } catch (IllegalArgumentException e) {
            throw new RuleViolation(RuleCode.INVALID_INPUT, argument, argument + ": " + e.getMessage());
        }
    }

    static String program(String argument, String value) {
        if (value == null || value.isBlank() || value.length() > 64 || !value.matches("[A-Za-z0-9_-]+")) {
            throw new RuleViolation(RuleCode.INVALID_INPUT, argument,
                                    argument + ": '" + value + "' is not a mini-program id");
        }
        return value;
    }

    /**
     * An id of the form {@code <prefix>:<miniProgramId>:<userId>} (a rating, a report), parsed by {@code parse} into
     * its program id and canonical value; anything else is INVALID_INPUT naming the argument and the form expected.
     */
    static <T> String perUserAndProgram(String argument, String value, Function<String, T> parse,
                                        Function<T, String> programOf, Function<T, String> canonical,
                                        String expected) {
        try {
            T id = parse.apply(value);
            program(argument, programOf.apply(id));
            return canonical.apply(id);
        } catch (IllegalArgumentException | RuleViolation malformed) {
            throw new RuleViolation(RuleCode.INVALID_INPUT, argument, argument + ": '" + value
                                    + "' is not " + expected);
        }
    }
}
