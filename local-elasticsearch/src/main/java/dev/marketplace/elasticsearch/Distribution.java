package dev.marketplace.elasticsearch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Enumeration;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unpacks the Elasticsearch distribution zip once per version into {@code <workRoot>/<version>/}.
 *
 * <p>Several JVMs (the app, test forks, a second checkout) may start at the same moment, so the zip
 * is unpacked into a private sibling folder and renamed into place atomically; the marker file is
 * written before the rename, so a folder with the marker is always complete. The unpacked home is
 * read-only for everyone but its owner: nodes write only into their own working folders.
 */
final class Distribution {

    static final String MARKER = ".marketplace-unpacked";
    private static final Duration ABANDONED_AFTER = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(Distribution.class);

    private Distribution() {
    }

    /** Returns the Elasticsearch home for {@code zip}, unpacking it first if needed. */
    static synchronized Path install(Path zip, String version, Path workRoot) {
        if (!Files.isRegularFile(zip)) {
            throw new LocalElasticsearchException("Elasticsearch distribution zip not found at " + zip
                    + ". Maven fetches it as a dependency of local-elasticsearch: run `mvn -pl local-elasticsearch package`"
                    + " (or `mvn dependency:resolve` in local-elasticsearch), or point -D"
                    + LocalElasticsearchOptions.DISTRIBUTION_PROPERTY + " at an Elasticsearch zip.");
        }
        Path home = workRoot.resolve(version);
        if (isComplete(home)) {
            return home;
        }
        try {
            FileSupport.createDirectories(workRoot);
            removeAbandoned(workRoot, version);
            if (Files.exists(home)) { // no marker: not ours to trust, move it out of the way
                Path aside = workRoot.resolve(version + ".stale-" + UUID.randomUUID());
                Files.move(home, aside, StandardCopyOption.ATOMIC_MOVE);
                FileSupport.deleteRecursively(aside);
            }
            Path staging = workRoot.resolve(version + ".unpacking-" + UUID.randomUUID());
            try {
                long started = System.nanoTime();
                unpack(zip, staging);
                Files.writeString(staging.resolve(MARKER), zip.toAbsolutePath() + "\n", StandardCharsets.UTF_8);
                Files.setPosixFilePermissions(staging.resolve(MARKER), FileSupport.READABLE);
                moveIntoPlace(staging, home);
                log.info("Unpacked {} into {} in {} ms", zip, home, (System.nanoTime() - started) / 1_000_000);
            } finally {
                FileSupport.deleteRecursively(staging);
            }
            return home;
        } catch (IOException e) {
            throw new LocalElasticsearchException("Could not unpack " + zip + " into " + home + ": " + e
                    + " (-D" + LocalElasticsearchOptions.WORK_DIR_PROPERTY + " chooses another place)", e);
        }
    }

    static boolean isComplete(Path home) {
        return Files.isRegularFile(home.resolve(MARKER));
    }

    private static void moveIntoPlace(Path staging, Path home) throws IOException {
        try {
            Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileSystemException e) {
            if (!isComplete(home)) { // not a lost race with another JVM
                throw e;
            }
            log.debug("Another process unpacked {} first", home);
        }
    }

    /**
     * Unpacks into {@code target}, dropping the zip's single top-level folder
     * ({@code elasticsearch-9.5.4/}). Directories get 0755, files 0644, files in any {@code bin}
     * folder 0755. Entries resolving outside {@code target} (zip-slip) are refused.
     */
    static void unpack(Path zip, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        FileSupport.createDirectories(root);
        try (ZipFile zipFile = new ZipFile(zip.toFile())) {
            String prefix = commonTopFolder(zipFile);
            for (Enumeration<? extends ZipEntry> entries = zipFile.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName().substring(prefix.length());
                if (name.isEmpty()) {
                    continue;
                }
                Path destination = root.resolve(name).normalize();
                if (!destination.startsWith(root) || destination.equals(root)) {
                    throw new IOException("Refusing zip entry '" + entry.getName() + "' of " + zip
                            + ": it would be written outside " + root);
                }
                if (entry.isDirectory()) {
                    FileSupport.createDirectories(destination);
                    continue;
                }
                FileSupport.createDirectories(destination.getParent());
                try (InputStream in = zipFile.getInputStream(entry)) {
                    Files.copy(in, destination);
                }
                Files.setPosixFilePermissions(destination,
                        isInBinFolder(root.relativize(destination)) ? FileSupport.EXECUTABLE : FileSupport.READABLE);
            }
        }
    }

    private static boolean isInBinFolder(Path relative) {
        Path parent = relative.getParent();
        if (parent != null) {
            for (Path segment : parent) {
                if (segment.toString().equals("bin")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code "elasticsearch-9.5.4/"} when every entry lives under that one folder, else {@code ""}. */
    private static String commonTopFolder(ZipFile zipFile) {
        Set<String> tops = zipFile.stream()
                .map(ZipEntry::getName)
                .map(name -> name.indexOf('/') < 0 ? "" : name.substring(0, name.indexOf('/') + 1))
                .collect(Collectors.toSet());
        return tops.size() == 1 ? tops.iterator().next() : "";
    }

    /** Staging folders of JVMs that died while unpacking; they are never renamed, only wasted space. */
    private static void removeAbandoned(Path workRoot, String version) throws IOException {
        FileTime cutoff = FileTime.from(Instant.now().minus(ABANDONED_AFTER));
        try (Stream<Path> siblings = Files.list(workRoot)) {
            siblings.filter(p -> p.getFileName().toString().startsWith(version + ".unpacking-"))
                    .filter(p -> lastModified(p).compareTo(cutoff) < 0)
                    .forEach(FileSupport::deleteRecursively);
        }
    }

    private static FileTime lastModified(Path path) {
        try {
            return Files.getLastModifiedTime(path);
        } catch (IOException e) {
            return FileTime.from(Instant.now());
        }
    }
}
