package dev.marketplace.command.graphql;

import dev.marketplace.api.program.VersionId;
import dev.marketplace.api.rules.RuleCode;
import dev.marketplace.api.rules.RuleViolation;
import dev.marketplace.api.shared.PerUserIdForm;

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
     * An id in {@code form} (a rating's, a report's), as its canonical value; anything else is INVALID_INPUT naming
     * the argument and the form expected.
     */
    static String perUserAndProgram(String argument, String value, PerUserIdForm form) {
        try {
            return form.parse(value, (programId, userId) -> form.value(program(argument, programId), userId));
        } catch (IllegalArgumentException | RuleViolation malformed) {
            throw new RuleViolation(RuleCode.INVALID_INPUT, argument, argument + ": '" + value + "' is not "
                                    + form.kind() + " (expected " + form.prefix() + "<miniProgramId>:<userId>)");
        }
    }
}
