package dev.marketplace.api.rules;

/**
 * A request refused by a marketplace rule. The message is written for the person who sent the request; the code
 * names the rule for programs; the field, when present, names the input at fault.
 */
public class RuleViolation extends RuntimeException {

    private final RuleCode code;
    private final String field;

    public RuleViolation(RuleCode code, String message) {
        this(code, null, message);
    }

    public RuleViolation(RuleCode code, String field, String message) {
        super(message);
        this.code = code;
        this.field = field;
    }

    public static RuleViolation invalid(String field, String message) {
        return new RuleViolation(RuleCode.INVALID_INPUT, field, field + ": " + message);
    }

    /** An action the current state does not allow: "Cannot {action}: {state}." */
    public static RuleViolation invalidTransition(String action, String state) {
        return new RuleViolation(RuleCode.INVALID_TRANSITION, "Cannot " + action + ": " + state + ".");
    }

    public RuleCode code() {
        return code;
    }

    /** The input field at fault, or null when the rule is not about one field. */
    public String field() {
        return field;
    }
}
