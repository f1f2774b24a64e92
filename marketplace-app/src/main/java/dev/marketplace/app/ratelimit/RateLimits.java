package dev.marketplace.app.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many GraphQL requests a caller may send: a token bucket per signed-in user and one per client address,
 * both must have room. {@code capacity} is the burst, {@code perSecond} the sustained rate. A request body may
 * hold at most {@code maxRequestBytes}. Unset values take the defaults below.
 */
@ConfigurationProperties("marketplace.rate-limit")
public record RateLimits(Boolean enabled, Limit perUser, Limit perAddress, Long maxRequestBytes) {

    static final Limit DEFAULT_PER_USER = new Limit(100, 30);
    static final Limit DEFAULT_PER_ADDRESS = new Limit(300, 100);
    /** Far above any legitimate document with its variables (a full listing is a few kilobytes). */
    static final long DEFAULT_MAX_REQUEST_BYTES = 256 * 1024;

    public RateLimits {
        enabled = enabled == null || enabled;
        perUser = perUser == null ? DEFAULT_PER_USER : perUser;
        perAddress = perAddress == null ? DEFAULT_PER_ADDRESS : perAddress;
        maxRequestBytes = maxRequestBytes == null ? DEFAULT_MAX_REQUEST_BYTES : maxRequestBytes;
    }

    public record Limit(int capacity, double perSecond) {

        public Limit {
            if (capacity < 1 || perSecond <= 0) {
                throw new IllegalArgumentException("a rate limit needs a capacity >= 1 and a positive rate");
            }
        }
    }
}
