package dev.marketplace.elasticsearch;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the JDK that runs Elasticsearch ({@code ES_JAVA_HOME}). The integ-test zip ships no JDK,
 * and Elasticsearch 9 needs Java 21 while this project builds on 17, so the JVM running us is
 * usually not good enough.
 */
final class JavaHome {

    static final Path DEFAULT_SEARCH_DIR = Path.of("/usr/lib/jvm");
    private static final Pattern VERSION = Pattern.compile("^\"?(?:1\\.)?(\\d+)");
    private static final Logger log = LoggerFactory.getLogger(JavaHome.class);

    private JavaHome() {
    }

    /** Java 21 for Elasticsearch 9 and later, 17 for 8.x. */
    static int minimumFor(String elasticsearchVersion) {
        Matcher major = Pattern.compile("^(\\d+)\\.").matcher(elasticsearchVersion);
        return major.find() && Integer.parseInt(major.group(1)) < 9 ? 17 : 21;
    }

    /**
     * {@code configured} (the ES_JAVA_HOME environment variable, may be null) if it is a JDK of at least
     * {@code minimum}; else the first such JDK under {@code searchDir} by folder name, judged by each
     * {@code release} file's JAVA_VERSION.
     */
    static Path find(String configured, Path searchDir, int minimum) {
        List<String> seen = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            Path home = Path.of(configured);
            OptionalInt version = featureVersion(home);
            if (version.orElse(0) >= minimum && Files.isExecutable(home.resolve("bin/java"))) {
                return home;
            }
            seen.add("ES_JAVA_HOME=" + home + " (" + describe(version) + ")");
            log.warn("Ignoring ES_JAVA_HOME={}: Elasticsearch needs Java {} or later, found {}",
                    home, minimum, describe(version));
        }
        if (Files.isDirectory(searchDir)) {
            try (Stream<Path> candidates = Files.list(searchDir)) {
                for (Path home : candidates.sorted().toList()) {
                    OptionalInt version = featureVersion(home);
                    if (version.orElse(0) >= minimum && Files.isExecutable(home.resolve("bin/java"))) {
                        return home;
                    }
                    seen.add(home + " (" + describe(version) + ")");
                }
            } catch (IOException e) {
                seen.add(searchDir + " (unreadable: " + e.getMessage() + ")");
            }
        } else {
            seen.add(searchDir + " (no such folder)");
        }
        throw new LocalElasticsearchException("No JDK " + minimum + " or later found to run Elasticsearch. Searched "
                + searchDir + "/*/release (JAVA_VERSION) and the ES_JAVA_HOME environment variable; saw: "
                + String.join(", ", seen) + ". Install a JDK " + minimum + "+ under " + searchDir
                + " or set ES_JAVA_HOME to one.");
    }

    /** The feature version (17, 21, 25) from {@code <home>/release}, if readable. */
    static OptionalInt featureVersion(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return OptionalInt.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(release)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            return OptionalInt.empty();
        }
        Matcher matcher = VERSION.matcher(properties.getProperty("JAVA_VERSION", ""));
        return matcher.find() ? OptionalInt.of(Integer.parseInt(matcher.group(1))) : OptionalInt.empty();
    }

    private static String describe(OptionalInt version) {
        return version.isPresent() ? "Java " + version.getAsInt() : "no release file with JAVA_VERSION";
    }
}
