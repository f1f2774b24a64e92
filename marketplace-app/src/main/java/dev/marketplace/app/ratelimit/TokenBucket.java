package dev.marketplace.app.ratelimit;

import java.time.Duration;

/** A token bucket: {@code capacity} tokens, refilled continuously at {@code perSecond}. Thread-safe. */
final class TokenBucket {

    private final RateLimits.Limit limit;
    private double tokens;
    private long refilledAtNanos;

    TokenBucket(RateLimits.Limit limit, long nowNanos) {
        this.limit = limit;
        this.tokens = limit.capacity();
        this.refilledAtNanos = nowNanos;
    }

    /** Takes one token if there is one; otherwise says how long until there will be. */
    synchronized Duration tryTake(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1) {
            tokens -= 1;
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil((1 - tokens) / limit.perSecond() * 1_000_000_000L));
    }

    /** Gives back a token taken for a request that another bucket then refused. */
    synchronized void giveBack() {
        tokens = Math.min(limit.capacity(), tokens + 1);
    }

    synchronized boolean isFull(long nowNanos) {
        refill(nowNanos);
        return tokens >= limit.capacity();
    }

    private void refill(long nowNanos) {
        double elapsedSeconds = (nowNanos - refilledAtNanos) / 1_000_000_000.0;
        tokens = Math.min(limit.capacity(), tokens + elapsedSeconds * limit.perSecond());
        refilledAtNanos = nowNanos;
    }
}
