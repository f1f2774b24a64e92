package dev.marketplace.elasticsearch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * How to start a node.
 *
 * @param distribution   the Elasticsearch distribution zip
 * @param version        its version; names the folder it is unpacked into and picks the JDK level
 * @param heap           JVM heap (both -Xms and -Xmx), for example {@code 512m}
 * @param startupTimeout how long to wait for yellow health
 * @param workDir        where distributions are unpacked and node folders live
 */
public record LocalElasticsearchOptions(Path distribution, String version, String heap, Duration startupTimeout,
                                        Path workDir) {

    /** Overrides the distribution zip (system property or Spring property). */
    public static final String DISTRIBUTION_PROPERTY = "marketplace.elasticsearch.distribution";
    public static final String HEAP_PROPERTY = "marketplace.elasticsearch.heap";
    public static final String STARTUP_TIMEOUT_PROPERTY = "marketplace.elasticsearch.startup-timeout";
    public static final String WORK_DIR_PROPERTY = "marketplace.elasticsearch.work-dir";
    private static final Pattern HEAP = Pattern.compile("\\d+[kKmMgG]?");

    public LocalElasticsearchOptions {
        Objects.requireNonNull(distribution, "distribution");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(startupTimeout, "startupTimeout");
        Objects.requireNonNull(workDir, "workDir");
        if (heap == null || !HEAP.matcher(heap).matches()) {
            throw new IllegalArgumentException("heap must look like 512m, was " + heap);
        }
        distribution = distribution.toAbsolutePath().normalize();
        workDir = workDir.toAbsolutePath().normalize();
    }

    /** Options from system properties, falling back to what the Maven build recorded. */
    public static LocalElasticsearchOptions defaults() {
        return from(System::getProperty);
    }

    /**
     * Options from {@code properties} (system properties, or a Spring {@code Environment}): the
     * distribution from {@value #DISTRIBUTION_PROPERTY} or the build's {@code distribution.properties}, a
     * 512m heap ({@value #HEAP_PROPERTY}), a 120 s start-up timeout ({@value #STARTUP_TIMEOUT_PROPERTY})
     * and {@code ${java.io.tmpdir}/marketplace-elasticsearch} ({@value #WORK_DIR_PROPERTY}).
     */
    public static LocalElasticsearchOptions from(Function<String, String> properties) {
        return OptionsResolver.resolve(properties);
    }

    /** Another zip; its version is taken from a name like {@code elasticsearch-9.5.3.zip} if it has one. */
    public LocalElasticsearchOptions withDistribution(Path zip) {
        return new LocalElasticsearchOptions(zip, OptionsResolver.versionOf(zip, version), heap, startupTimeout, workDir);
    }

    public LocalElasticsearchOptions withHeap(String newHeap) {
        return new LocalElasticsearchOptions(distribution, version, newHeap, startupTimeout, workDir);
    }

    public LocalElasticsearchOptions withStartupTimeout(Duration timeout) {
        return new LocalElasticsearchOptions(distribution, version, heap, timeout, workDir);
    }

    public LocalElasticsearchOptions withWorkDir(Path dir) {
        return new LocalElasticsearchOptions(distribution, version, heap, startupTimeout, dir);
    }
}
