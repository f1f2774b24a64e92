package dev.marketplace.elasticsearch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns properties into {@link LocalElasticsearchOptions}. The distribution's location comes from
 * {@code distribution.properties} beside this class, which Maven filters at build time, so the launcher runs
 * the exact zip the build resolved and nobody has to configure a path.
 */
final class OptionsResolver {

    static final String BUILD_PROPERTIES = "distribution.properties";
    private static final Pattern ZIP_VERSION = Pattern.compile("elasticsearch-(\\d[\\w.-]*?)\\.zip");
    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m)?");

    private OptionsResolver() {
    }

    static LocalElasticsearchOptions resolve(Function<String, String> properties) {
        String override = trimToNull(properties.apply(LocalElasticsearchOptions.DISTRIBUTION_PROPERTY));
        Path distribution;
        String version;
        if (override != null) {
            distribution = Path.of(override);
            version = versionOf(distribution, distribution.getFileName().toString().replaceFirst("\\.zip$", ""));
        } else {
            Properties build = buildProperties();
            String recorded = build.getProperty("elasticsearch.distribution");
            version = build.getProperty("elasticsearch.version");
            if (recorded == null || version == null || recorded.contains("@") || version.contains("@")) {
                throw new LocalElasticsearchException("No Elasticsearch distribution configured: " + BUILD_PROPERTIES
                        + " is missing or was not filtered by Maven (build with `mvn -pl local-elasticsearch package`),"
                        + " and -D" + LocalElasticsearchOptions.DISTRIBUTION_PROPERTY + " is not set.");
            }
            distribution = Path.of(recorded);
        }
        String heap = orDefault(properties.apply(LocalElasticsearchOptions.HEAP_PROPERTY), "512m");
        Duration timeout = parseDuration(
                orDefault(properties.apply(LocalElasticsearchOptions.STARTUP_TIMEOUT_PROPERTY), "120s"));
        String workDir = trimToNull(properties.apply(LocalElasticsearchOptions.WORK_DIR_PROPERTY));
        return new LocalElasticsearchOptions(distribution, version, heap, timeout, workDir != null ? Path.of(workDir)
                : Path.of(System.getProperty("java.io.tmpdir"), "marketplace-elasticsearch"));
    }

    /** {@code 9.5.3} for {@code .../elasticsearch-9.5.3.zip}, else {@code fallback}. */
    static String versionOf(Path zip, String fallback) {
        Matcher matcher = ZIP_VERSION.matcher(zip.getFileName().toString());
        return matcher.matches() ? matcher.group(1) : fallback;
    }

    /** {@code 90} (seconds), {@code 90s}, {@code 1500ms}, {@code 2m} or ISO-8601 such as {@code PT90S}. */
    static Duration parseDuration(String text) {
        Matcher matcher = SIMPLE_DURATION.matcher(text.trim());
        if (!matcher.matches()) {
            return Duration.parse(text.trim());
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofSeconds(amount);
        };
    }

    private static Properties buildProperties() {
        Properties properties = new Properties();
        try (InputStream in = OptionsResolver.class.getResourceAsStream(BUILD_PROPERTIES)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static String orDefault(String value, String fallback) {
        String trimmed = trimToNull(value);
        return trimmed != null ? trimmed : fallback;
    }

    private static String trimToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
