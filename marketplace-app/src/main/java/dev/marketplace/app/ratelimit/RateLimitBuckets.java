package dev.marketplace.app.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token buckets behind the rate limits (Bucket4j): one per signed-in user and one per client address, both must
 * have room. On PostgreSQL the buckets live in the database, so every node counts against the same limit. Each node
 * takes tokens from a local copy and writes them back (one round trip) after {@value #UNSYNCED_SHARE_PERCENT} % of
 * a bucket's capacity or {@link #SYNC_AFTER}, whichever comes first (Bucket4j's delaying optimisation): a request
 * costs no round trip of its own, and N nodes exceed a limit by at most N times that share. Refusals are decided
 * locally too, so a flood costs the database nothing. The embedded default (H2, one process) keeps its buckets in
 * memory. The handles on the buckets are held in a bounded Caffeine cache. Refusals are counted in
 * {@code marketplace_rate_limit_refusals_total}, tagged by the bucket that was empty ({@code limit}: address or user).
 */
public final class RateLimitBuckets {

    static final int UNSYNCED_SHARE_PERCENT = 10;
    static final Duration SYNC_AFTER = Duration.ofSeconds(1);
    static final int MAX_CACHED_BUCKETS = 100_000;
    /** Longer keys (a very long user id) are hashed to fit the table's key column. */
    static final int MAX_KEY_LENGTH = 200;

    private static final Logger log = LoggerFactory.getLogger(RateLimitBuckets.class);

    private final BucketConfiguration perUser;
    private final BucketConfiguration perAddress;
    private final Cache<String, Bucket> buckets;
    private final Function<String, Bucket> create;
    private final Counter refusedByAddress;
    private final Counter refusedByUser;
    private volatile long storeFailureLoggedAt;

    private RateLimitBuckets(RateLimits limits, BucketFactory factory, MeterRegistry registry) {
        this.perUser = configuration(limits.perUser());
        this.perAddress = configuration(limits.perAddress());
        // A bucket untouched for as long as it takes to refill is full: forgetting it then loses nothing.
        Duration idle = refillTime(limits.perUser()).compareTo(refillTime(limits.perAddress())) > 0
                ? refillTime(limits.perUser()) : refillTime(limits.perAddress());
        this.buckets = Caffeine.newBuilder().maximumSize(MAX_CACHED_BUCKETS).expireAfterAccess(idle).build();
        this.create = key -> factory.create(key, key.startsWith("user:") ? perUser : perAddress);
        this.refusedByAddress = refusals(registry, "address");
        this.refusedByUser = refusals(registry, "user");
    }

    private static Counter refusals(MeterRegistry registry, String limit) {
        return Counter.builder("marketplace.rate.limit.refusals").tag("limit", limit)
                      .description("Requests and WebSocket operations refused by a rate limit").register(registry);
    }

    /** Buckets in this JVM only, timed by {@code nanoClock}, counting refusals nowhere. */
    public static RateLimitBuckets local(RateLimits limits, LongSupplier nanoClock) {
        return local(limits, nanoClock, new SimpleMeterRegistry());
    }

    /** Buckets in this JVM only, timed by {@code nanoClock}. */
    public static RateLimitBuckets local(RateLimits limits, LongSupplier nanoClock, MeterRegistry registry) {
        TimeMeter clock = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return nanoClock.getAsLong();
            }

            @Override
            public boolean isWallClockBased() {
                return false;
            }
        };
        return new RateLimitBuckets(limits, (key, configuration) ->
                Bucket.builder().withCustomTimePrecision(clock)
                      .addLimit(configuration.getBandwidths()[0]).build(), registry);
    }

    /** Buckets kept in {@code store}, shared by every node that uses it. */
    public static RateLimitBuckets shared(RateLimits limits, ProxyManager<String> store, MeterRegistry registry) {
        return new RateLimitBuckets(limits, (key, configuration) -> {
            long unsynced = Math.max(1, configuration.getBandwidths()[0].getCapacity() * UNSYNCED_SHARE_PERCENT / 100);
            return store.builder().withOptimization(Optimizations.delaying(new DelayParameters(unsynced, SYNC_AFTER)))
                        .build(key, () -> configuration);
        }, registry);
    }

    /**
     * Takes a token for one request from {@code address} by {@code user} (null when anonymous); returns
     * {@link Duration#ZERO} if both buckets had one, otherwise how long until they will. A request refused by the
     * user's bucket gives the address its token back, so one user cannot use up an address they share.
     */
    public Duration tryTake(String address, String user) {
        try {
            Bucket byAddress = bucket("address:" + address);
            ConsumptionProbe taken = byAddress.tryConsumeAndReturnRemaining(1);
            if (!taken.isConsumed()) {
                refusedByAddress.increment();
            }
            if (!taken.isConsumed() || user == null) {
                return Duration.ofNanos(taken.getNanosToWaitForRefill());
            }
            ConsumptionProbe own = bucket("user:" + user).tryConsumeAndReturnRemaining(1);
            if (!own.isConsumed()) {
                refusedByUser.increment();
                byAddress.addTokens(1);
            }
            return Duration.ofNanos(own.getNanosToWaitForRefill());
        } catch (RuntimeException storeFailed) {
            // The database is what fails here; refusing every request would turn its outage into the whole API's.
            long now = System.nanoTime();
            if (now - storeFailureLoggedAt > Duration.ofMinutes(1).toNanos()) {
                storeFailureLoggedAt = now;
                log.warn("Rate-limit buckets unavailable, requests pass unlimited meanwhile: {}", storeFailed.toString());
            }
            return Duration.ZERO;
        }
    }

    private Bucket bucket(String key) {
        String stored = key.length() <= MAX_KEY_LENGTH ? key : key.substring(0, key.indexOf(':') + 1) + sha256(key);
        return buckets.get(stored, create);
    }

    private static BucketConfiguration configuration(RateLimits.Limit limit) {
        return BucketConfiguration.builder().addLimit(Bandwidth.builder().capacity(limit.capacity())
                .refillGreedy(limit.capacity(), refillTime(limit)).build()).build();
    }

    /** How long an empty bucket takes to fill: its capacity at its rate. */
    private static Duration refillTime(RateLimits.Limit limit) {
        return Duration.ofNanos((long) Math.ceil(limit.capacity() / limit.perSecond() * 1_000_000_000L));
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                                                         .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    private interface BucketFactory {
        Bucket create(String key, BucketConfiguration configuration);
    }
}
