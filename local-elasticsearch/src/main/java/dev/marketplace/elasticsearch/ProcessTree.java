package dev.marketplace.elasticsearch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a process together with everything it started. {@code bin/elasticsearch} runs a small
 * launcher JVM that forks the real server JVM, so destroying only the direct child could leave the
 * server running.
 */
final class ProcessTree {

    private static final Duration FORCED_GRACE = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(ProcessTree.class);

    private ProcessTree() {
    }

    /**
     * Asks {@code root}, its descendants and {@code alsoKnown} (processes seen earlier, which may have
     * been re-parented since) to terminate, kills whatever is still alive after {@code grace}, and
     * waits for all of them to exit. Returns the processes that are still alive (normally none).
     */
    static List<ProcessHandle> stop(ProcessHandle root, Collection<ProcessHandle> alsoKnown, Duration grace) {
        Set<ProcessHandle> all = new LinkedHashSet<>();
        all.add(root);
        root.descendants().forEach(all::add); // collect before anything dies and children get re-parented
        all.addAll(alsoKnown);
        all.forEach(ProcessHandle::destroy);
        awaitExit(all, grace);
        List<ProcessHandle> stubborn = all.stream().filter(ProcessHandle::isAlive).toList();
        if (!stubborn.isEmpty()) {
            log.warn("Killing processes {} that did not stop within {}", pids(stubborn), grace);
            stubborn.forEach(ProcessHandle::destroyForcibly);
            awaitExit(stubborn, FORCED_GRACE);
        }
        return all.stream().filter(ProcessHandle::isAlive).toList();
    }

    /** The full command line, from the JDK or from {@code /proc/<pid>/cmdline}. */
    static Optional<String> commandLine(ProcessHandle process) {
        Optional<String> fromJdk = process.info().commandLine();
        if (fromJdk.isPresent()) {
            return fromJdk;
        }
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
            return raw.length == 0 ? Optional.empty()
                    : Optional.of(new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').trim());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void awaitExit(Collection<ProcessHandle> processes, Duration timeout) {
        CompletableFuture<?>[] exits = processes.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // the caller checks what is still alive
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<Long> pids(Collection<ProcessHandle> processes) {
        return processes.stream().map(ProcessHandle::pid).toList();
    }
}
