package dev.marketplace.elasticsearch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cleans up after JVMs that died without running their shutdown hook ({@code kill -9}, a crashed
 * IDE): their Elasticsearch keeps running, holding memory and ports, until someone kills it.
 *
 * <p>A node folder is stale when the JVM named in its pid file is gone. Its processes are destroyed
 * only if they are alive <em>and</em> their command line contains the node folder, so a recycled
 * pid never kills an unrelated process. Nodes of other live JVMs (the app running while tests run)
 * are left alone.
 */
final class OrphanReaper {

    /** A folder without a pid file is being created right now, or was abandoned long ago. */
    private static final Duration UNCLAIMED_AFTER = Duration.ofMinutes(10);
    private static final Duration GRACE = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(OrphanReaper.class);

    private OrphanReaper() {
    }

    /** Reaps every stale node folder directly under {@code nodesDir}; never throws. */
    static void reap(Path nodesDir) {
        if (!Files.isDirectory(nodesDir)) {
            return;
        }
        try (Stream<Path> folders = Files.list(nodesDir)) {
            folders.filter(Files::isDirectory).forEach(OrphanReaper::reapIfStale);
        } catch (IOException | RuntimeException e) {
            log.warn("Could not look for orphaned Elasticsearch nodes in {}: {}", nodesDir, e.toString());
        }
    }

    static void reapIfStale(Path folder) {
        Optional<PidFile> pidFile = PidFile.readFrom(folder);
        if (pidFile.isEmpty()) {
            if (olderThan(folder, UNCLAIMED_AFTER)) {
                FileSupport.deleteRecursively(folder);
            }
            return;
        }
        if (pidFile.get().ownerAlive()) {
            return;
        }
        String marker = folder.toAbsolutePath().toString();
        for (long pid : pidFile.get().pids()) {
            ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(process -> ProcessTree.commandLine(process).orElse("").contains(marker))
                    .ifPresent(process -> {
                        log.warn("Stopping orphaned Elasticsearch process {} of dead JVM {} (node folder {})",
                                pid, pidFile.get().ownerPid(), folder);
                        ProcessTree.stop(process, List.of(), GRACE);
                    });
        }
        if (!FileSupport.deleteRecursively(folder)) {
            log.warn("Could not delete stale Elasticsearch node folder {}", folder);
        }
    }

    private static boolean olderThan(Path path, Duration age) {
        try {
            return Files.getLastModifiedTime(path).compareTo(FileTime.from(Instant.now().minus(age))) < 0;
        } catch (IOException e) {
            return false;
        }
    }
}
