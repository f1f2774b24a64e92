package dev.marketplace.elasticsearch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A node's private working folder {@code <workRoot>/nodes/<name>/}: {@code data}, {@code logs},
 * {@code tmp}, a copy of the distribution's {@code config} (Elasticsearch writes its keystore there),
 * the captured console output and the pid file. Keeping all of it per node lets several nodes share
 * one unpacked distribution and lets a node leave nothing behind when it stops.
 */
record NodeFolder(Path root) {

    static final String CONSOLE_LOG = "console.log";

    /** Creates the folder (0755 throughout) and claims it with a pid file before anything else. */
    static NodeFolder create(Path nodesDir, String name, Path elasticsearchHome) throws IOException {
        FileSupport.createDirectories(nodesDir);
        NodeFolder folder = new NodeFolder(nodesDir.resolve(name).toAbsolutePath().normalize());
        Files.createDirectory(folder.root());
        Files.setPosixFilePermissions(folder.root(), FileSupport.DIRECTORY);
        folder.recordProcesses(List.of());
        FileSupport.createDirectories(folder.data());
        FileSupport.createDirectories(folder.logs());
        FileSupport.createDirectories(folder.tmp());
        FileSupport.copyTree(elasticsearchHome.resolve("config"), folder.config());
        return folder;
    }

    Path data() {
        return root.resolve("data");
    }

    Path logs() {
        return root.resolve("logs");
    }

    Path tmp() {
        return root.resolve("tmp");
    }

    Path config() {
        return root.resolve("config");
    }

    Path consoleLog() {
        return root.resolve(CONSOLE_LOG);
    }

    /** The folders the node writes to. */
    Path[] writable() {
        return new Path[] {data(), logs(), tmp(), config()};
    }

    /** Rewrites the pid file naming this JVM as owner and {@code processes} as the node's. */
    void recordProcesses(List<ProcessHandle> processes) throws IOException {
        PidFile.ownedByThisJvm(processes.stream().map(ProcessHandle::pid).toList()).writeTo(root);
    }

    /** The last lines of the node's own log, or of its console output if it never got that far. */
    String logTail(String clusterName, int lines) {
        Path log = logs().resolve(clusterName + ".log");
        List<String> tail = FileSupport.tail(log, lines);
        if (tail.isEmpty()) {
            log = consoleLog();
            tail = FileSupport.tail(log, lines);
        }
        return tail.isEmpty() ? "(no output in " + log + " yet)"
                : "--- last " + tail.size() + " lines of " + log + " ---\n" + String.join("\n", tail);
    }

    boolean delete() {
        return FileSupport.deleteRecursively(root);
    }
}
