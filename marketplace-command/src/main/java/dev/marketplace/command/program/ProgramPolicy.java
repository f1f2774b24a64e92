package dev.marketplace.command.program;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Time limits of the program lifecycle.
 *
 * @param reviewSla               how long a version may wait for a decision before it is escalated
 * @param phasedReleaseTimeout    how long a release may stay below 100% untouched
 * @param onPhasedReleaseTimeout  what happens then: COMPLETE widens it to everyone, EXPIRE withdraws it
 */
@ConfigurationProperties("marketplace.programs")
public record ProgramPolicy(@DefaultValue("48h") Duration reviewSla,
                            @DefaultValue("14d") Duration phasedReleaseTimeout,
                            @DefaultValue("COMPLETE") PhasedTimeoutAction onPhasedReleaseTimeout) {

    public enum PhasedTimeoutAction {
        COMPLETE,
        EXPIRE
    }

    public ProgramPolicy {
        if (reviewSla.isNegative() || reviewSla.isZero() || phasedReleaseTimeout.isNegative()
                || phasedReleaseTimeout.isZero()) {
            throw new IllegalArgumentException("marketplace.programs durations must be positive");
        }
    }
}
