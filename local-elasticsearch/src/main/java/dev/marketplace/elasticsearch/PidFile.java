package dev.marketplace.elasticsearch;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * What a node folder records about who owns it: the JVM that started the node (pid and start time,
 * so a recycled pid is not mistaken for it) and the node's processes. A later JVM uses it to find
 * nodes orphaned by a JVM killed with {@code kill -9}, which never ran its shutdown hook.
 *
 * @param ownerPid   pid of the JVM that started the node
 * @param ownerStart start time of that JVM, if the platform reports it
 * @param pids       the launcher process and, once the node is up, the server process
 */
record PidFile(long ownerPid, Optional<Instant> ownerStart, List<Long> pids) {

    static final String NAME = "node.pid";

    /** A pid file naming the current JVM as owner. */
    static PidFile ownedByThisJvm(List<Long> pids) {
        ProcessHandle self = ProcessHandle.current();
        return new PidFile(self.pid(), self.info().startInstant(), List.copyOf(pids));
    }

    /** True while the owning JVM still runs (when in doubt, assume it does). */
    boolean ownerAlive() {
        Optional<ProcessHandle> owner = ProcessHandle.of(ownerPid).filter(ProcessHandle::isAlive);
        if (owner.isEmpty()) {
            return false;
        }
        Optional<Instant> actualStart = owner.get().info().startInstant();
        return ownerStart.isEmpty() || actualStart.isEmpty() || ownerStart.equals(actualStart);
    }

    void writeTo(Path folder) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("owner.pid", Long.toString(ownerPid));
        ownerStart.ifPresent(start -> properties.setProperty("owner.start", start.toString()));
        properties.setProperty("pids", pids.stream().map(String::valueOf).collect(Collectors.joining(",")));
        Path temp = folder.resolve(NAME + ".tmp");
        try (Writer writer = Files.newBufferedWriter(temp)) {
            properties.store(writer, "Local Elasticsearch node; see dev.marketplace.elasticsearch.OrphanReaper");
        }
        Files.setPosixFilePermissions(temp, FileSupport.READABLE);
        Files.move(temp, folder.resolve(NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The pid file in {@code folder}, or empty when missing or unreadable. */
    static Optional<PidFile> readFrom(Path folder) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(folder.resolve(NAME))) {
            properties.load(reader);
            long owner = Long.parseLong(properties.getProperty("owner.pid", "").trim());
            Optional<Instant> start = Optional.ofNullable(properties.getProperty("owner.start")).map(Instant::parse);
            List<Long> pids = Arrays.stream(properties.getProperty("pids", "").split(","))
                    .map(String::trim).filter(s -> !s.isEmpty()).map(Long::valueOf).toList();
            return Optional.of(new PidFile(owner, start, pids));
        } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
