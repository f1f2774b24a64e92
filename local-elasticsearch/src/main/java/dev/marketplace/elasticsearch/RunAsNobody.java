package dev.marketplace.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Elasticsearch refuses to run as root, and CI containers often run builds as root. In that case
 * the node runs as {@code nobody} (uid/gid 65534) through {@code setpriv}; {@code nobody} must own
 * the folders the node writes and be able to enter every folder above the ones it reads.
 */
final class RunAsNobody {

    static final int NOBODY = 65534;
    static final List<String> COMMAND_PREFIX = List.of(
            "setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--");

    private RunAsNobody() {
    }

    /** True when this JVM runs as root, so Elasticsearch must be started as somebody else. */
    static boolean required() {
        if ("root".equals(System.getProperty("user.name"))) {
            return true;
        }
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Gives {@code nobody} ownership of each folder and everything in it (like {@code chown -R}). */
    static void handOver(Path... folders) throws IOException {
        for (Path folder : folders) {
            try (Stream<Path> tree = Files.walk(folder)) {
                tree.forEach(path -> {
                    try {
                        Files.setAttribute(path, "unix:uid", NOBODY, LinkOption.NOFOLLOW_LINKS);
                        Files.setAttribute(path, "unix:gid", NOBODY, LinkOption.NOFOLLOW_LINKS);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }

    /**
     * Fails with a clear message if {@code nobody} cannot enter one of the paths or a folder above
     * it. The launcher only creates 0755 folders; this catches a {@code java.io.tmpdir} or work
     * folder below a private folder such as {@code /root}.
     */
    static void checkTraversable(Path... paths) throws IOException {
        for (Path path : paths) {
            for (Path dir = path.toAbsolutePath(); dir != null; dir = dir.getParent()) {
                if (!nobodyCanEnter(dir)) {
                    throw new LocalElasticsearchException("Elasticsearch runs as nobody (uid " + NOBODY
                            + ") because this JVM runs as root, but nobody cannot enter " + dir + " (above " + path
                            + "). Use a work folder nobody can reach: -Djava.io.tmpdir=/tmp or -D"
                            + LocalElasticsearchOptions.WORK_DIR_PROPERTY + "=/tmp/marketplace-elasticsearch.");
                }
            }
        }
    }

    private static boolean nobodyCanEnter(Path dir) throws IOException {
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(dir);
        int uid = (Integer) Files.getAttribute(dir, "unix:uid");
        int gid = (Integer) Files.getAttribute(dir, "unix:gid");
        return uid == NOBODY ? mode.contains(PosixFilePermission.OWNER_EXECUTE)
                : gid == NOBODY ? mode.contains(PosixFilePermission.GROUP_EXECUTE)
                : mode.contains(PosixFilePermission.OTHERS_EXECUTE);
    }
}
