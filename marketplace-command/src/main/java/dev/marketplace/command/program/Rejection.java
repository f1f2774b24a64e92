package dev.marketplace.command.program;

import dev.marketplace.api.program.RejectionReason;
import dev.marketplace.api.rules.RuleViolation;
import java.util.List;

/** Why a reviewer rejects a version, validated: at least one reason, each once, and OTHER explained. */
record Rejection(List<RejectionReason> reasons, String comment) {

    static Rejection validated(List<RejectionReason> reasons, String comment) {
        List<RejectionReason> distinct = InputRules.distinct("reasons", reasons);
        if (distinct.isEmpty()) {
            throw RuleViolation.invalid("reasons", "name at least one reason for the rejection");
        }
        String text = InputRules.optionalText("comment", comment, InputRules.REVIEW_COMMENT_MAX);
        if (distinct.contains(RejectionReason.OTHER) && text == null) {
            throw RuleViolation.invalid("comment", "is required when the reasons include OTHER");
        }
        return new Rejection(distinct, text);
    }
}
