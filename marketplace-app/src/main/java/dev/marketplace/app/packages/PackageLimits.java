package dev.marketplace.app.packages;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a package may be, after a host super-app's limits: the whole zip at most {@code maxPackageBytes}, the main
 * package and each subpackage at most {@code maxPartBytes} (compressed, as they ship), at most {@code maxEntries}
 * entries. Against zip bombs, the entries' declared uncompressed sizes may add up to {@code maxUncompressedBytes}
 * and no entry may expand more than {@code maxCompressionRatio} times. Uploads no version names are deleted
 * {@code unreferencedRetention} after their last upload. Unset values take the defaults below.
 */
@ConfigurationProperties("marketplace.packages")
public record PackageLimits(Long maxPackageBytes, Long maxPartBytes, Integer maxEntries, Long maxUncompressedBytes,
                            Integer maxCompressionRatio, Duration unreferencedRetention) {

    static final long MB = 1024 * 1024;

    public PackageLimits {
        maxPackageBytes = maxPackageBytes == null ? 20 * MB : maxPackageBytes;
        maxPartBytes = maxPartBytes == null ? 2 * MB : maxPartBytes;
        maxEntries = maxEntries == null ? 2000 : maxEntries;
        maxUncompressedBytes = maxUncompressedBytes == null ? 100 * MB : maxUncompressedBytes;
        maxCompressionRatio = maxCompressionRatio == null ? 100 : maxCompressionRatio;
        unreferencedRetention = unreferencedRetention == null ? Duration.ofHours(24) : unreferencedRetention;
    }

    /** The defaults. */
    public static PackageLimits defaults() {
        return new PackageLimits(null, null, null, null, null, null);
    }
}
