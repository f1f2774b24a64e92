package dev.marketplace.app.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many GraphQL requests a caller may send: a token bucket per signed-in user and one per client address,
 * both must have room. {@code capacity} is the burst, {@code perSecond} the sustained rate. Unset values take
 * the defaults below.
 */
@ConfigurationProperties("marketplace.rate-limit")
public record RateLimits(Boolean enabled, Limit perUser, Limit perAddress) {

    static final Limit DEFAULT_PER_USER = new Limit(100, 30);
    static final Limit DEFAULT_PER_ADDRESS = new Limit(300, 100);

    public RateLimits {
        enabled = enabled == null || enabled;
        perUser = perUser == null ? DEFAULT_PER_USER : perUser;
        perAddress = perAddress == null ? DEFAULT_PER_ADDRESS : perAddress;
    }

    public record Limit(int capacity, double perSecond) {

        public Limit {
            if (capacity < 1 || perSecond <= 0) {
                throw new IllegalArgumentException("a rate limit needs a capacity >= 1 and a positive rate");
            }
        }
    }
}
