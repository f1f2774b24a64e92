package dev.marketplace.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * File helpers with explicit permissions. Everything the launcher creates must be readable and
 * traversable by {@code nobody} (Elasticsearch runs as that user when this JVM is root), whatever the
 * umask of the calling shell, so permissions are set explicitly instead of inherited.
 */
final class FileSupport {

    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwxr-xr-x");
    static final Set<PosixFilePermission> EXECUTABLE = DIRECTORY;
    static final Set<PosixFilePermission> READABLE = PosixFilePermissions.fromString("rw-r--r--");

    private FileSupport() {
    }

    /** Creates {@code dir} and any missing parents, each new one with mode 0755. */
    static void createDirectories(Path dir) throws IOException {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = dir.toAbsolutePath(); p != null && !Files.isDirectory(p); p = p.getParent()) {
            missing.push(p);
        }
        for (Path p : missing) {
            try {
                Files.createDirectory(p);
                Files.setPosixFilePermissions(p, DIRECTORY);
            } catch (FileAlreadyExistsException raced) {
                if (!Files.isDirectory(p)) {
                    throw raced;
                }
            }
        }
    }

    /** Copies a directory tree; directories 0755, files 0644. */
    static void copyTree(Path source, Path target) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path copy = target.resolve(source.relativize(dir).toString());
                createDirectories(copy);
                Files.setPosixFilePermissions(copy, DIRECTORY);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path copy = target.resolve(source.relativize(file).toString());
                Files.copy(file, copy);
                Files.setPosixFilePermissions(copy, READABLE);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Deletes a tree, never following links; returns whether it is gone. Never throws. */
    static boolean deleteRecursively(Path root) {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    try {
                        Files.deleteIfExists(dir);
                    } catch (DirectoryNotEmptyException ignored) {
                        // something could not be deleted below; reported by the final check
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // best effort; reported by the final check
        }
        return !Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }

    /** The last {@code count} lines of a text file (reads at most its last 64 KiB), or empty. */
    static List<String> tail(Path file, int count) {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            int length = (int) Math.min(size, 64 * 1024);
            ByteBuffer buffer = ByteBuffer.allocate(length);
            channel.position(size - length);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // keep reading until full or end of file
            }
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).stripTrailing();
            if (text.isEmpty()) {
                return List.of();
            }
            List<String> lines = Arrays.asList(text.split("\\R"));
            return lines.subList(Math.max(0, lines.size() - count), lines.size());
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            return List.of("(could not read " + file + ": " + e + ")");
        }
    }
}
