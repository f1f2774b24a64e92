package dev.marketplace.command;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongUnaryOperator;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.AbstractRetryScheduler;

/**
 * Retries with exponential back-off and random jitter. Commands that lost an optimistic-locking race on
 * different nodes would otherwise retry in lock-step and collide again; spreading the retries lets each of them
 * through in turn. The n-th retry waits between half and all of {@code min(cap, base * 2^(n-1))}.
 */
public final class JitteredBackOffRetryScheduler extends AbstractRetryScheduler {

    private final long baseMillis;
    private final long capMillis;
    private final LongUnaryOperator random;

    private JitteredBackOffRetryScheduler(Builder builder) {
        super(builder);
        this.baseMillis = builder.baseMillis;
        this.capMillis = builder.capMillis;
        this.random = builder.random;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected long computeRetryInterval(CommandMessage commandMessage, RuntimeException lastFailure,
                                        List<Class<? extends Throwable>[]> failures) {
        return intervalFor(failures.size());
    }

    /** The wait before retry number {@code failureCount} (1 for the first retry). */
    long intervalFor(int failureCount) {
        int doublings = Math.min(Math.max(failureCount - 1, 0), 30);
        long ceiling = Math.min(capMillis, baseMillis << doublings);
        long half = ceiling / 2;
        return half + random.applyAsLong(ceiling - half + 1);
    }

    public static final class Builder extends AbstractRetryScheduler.Builder<Builder> {
        private long baseMillis = 20;
        private long capMillis = 640;
        private LongUnaryOperator random = bound -> ThreadLocalRandom.current().nextLong(bound);

        /** The ceiling of the first retry's wait; each further retry doubles it up to the cap. */
        public Builder baseInterval(long millis) {
            this.baseMillis = millis;
            return this;
        }

        public Builder maxInterval(long millis) {
            this.capMillis = millis;
            return this;
        }

        /** Source of randomness: given a bound, returns a value in [0, bound). */
        Builder random(LongUnaryOperator random) {
            this.random = random;
            return this;
        }

        public JitteredBackOffRetryScheduler build() {
            validate();
            if (baseMillis <= 0 || capMillis < baseMillis) {
                throw new IllegalArgumentException("Retry intervals need 0 < base (" + baseMillis
                        + " ms) <= cap (" + capMillis + " ms)");
            }
            return new JitteredBackOffRetryScheduler(this);
        }
    }
}
