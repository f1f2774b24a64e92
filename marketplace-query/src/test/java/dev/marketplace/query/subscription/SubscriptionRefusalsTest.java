package dev.marketplace.query.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.api.rules.RuleCode;
import dev.marketplace.api.rules.RuleViolation;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;

class SubscriptionRefusalsTest {

    final SubscriptionRefusals refusals = new SubscriptionRefusals();

    @Test
    void aRuleViolationKeepsItsClassificationCodeAndField() {
        var errors = refusals.resolveException(new RuleViolation(RuleCode.INVALID_INPUT, "miniProgramId",
                                                                  "miniProgramId: 'a/b' is not a mini-program id"))
                             .block();

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
            assertThat(error.getMessage()).isEqualTo("miniProgramId: 'a/b' is not a mini-program id");
            assertThat(error.getExtensions()).containsEntry("code", "INVALID_INPUT")
                                             .containsEntry("field", "miniProgramId");
        });
    }

    @Test
    void otherFailuresAreLeftToTheDefaultHandling() {
        assertThat(refusals.resolveException(new IllegalStateException("boom")).block()).isNull();
    }
}
