package dev.marketplace.app.packages;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * What changed between two packages, file by file in path order: added, removed and modified files (same size and
 * CRC-32 means unchanged) with their sizes, and for text files a unified diff, made by java-diff-utils and cut at
 * {@value #DIFF_MAX} characters. Files larger than {@value #TEXT_MAX} bytes, or with a NUL byte, get no diff.
 */
final class PackageDiff {

    static final int DIFF_MAX = 20_000;
    static final long TEXT_MAX = 512 * 1024;
    private static final int CONTEXT_LINES = 3;

    enum Change { ADDED, REMOVED, MODIFIED }

    record FileChange(String path, Change change, Long sizeBefore, Long sizeAfter, String diff) {
    }

    private PackageDiff() {
    }

    /** The changes from {@code before} (null: an empty package) to {@code after}. */
    static List<FileChange> between(Path before, Path after) throws IOException {
        try (ZipFile old = before == null ? null : ZipFile.builder().setPath(before).get();
             ZipFile now = ZipFile.builder().setPath(after).get()) {
            Map<String, ZipArchiveEntry> was = files(old);
            Map<String, ZipArchiveEntry> is = files(now);
            List<FileChange> changes = new ArrayList<>();
            TreeSet<String> paths = new TreeSet<>(was.keySet());
            paths.addAll(is.keySet());
            for (String path : paths) {
                ZipArchiveEntry a = was.get(path);
                ZipArchiveEntry b = is.get(path);
                if (a != null && b != null && a.getSize() == b.getSize() && a.getCrc() == b.getCrc()) {
                    continue;
                }
                Change change = a == null ? Change.ADDED : b == null ? Change.REMOVED : Change.MODIFIED;
                changes.add(new FileChange(path, change, a == null ? null : a.getSize(),
                                           b == null ? null : b.getSize(), diff(path, old, a, now, b)));
            }
            return changes;
        }
    }

    private static Map<String, ZipArchiveEntry> files(ZipFile zip) {
        Map<String, ZipArchiveEntry> files = new TreeMap<>();
        if (zip != null) {
            Collections.list(zip.getEntries()).stream().filter(e -> !e.isDirectory())
                       .forEach(e -> files.put(e.getName(), e));
        }
        return files;
    }

    /** The unified diff of a text file (against nothing when added or removed), or null for other files. */
    private static String diff(String path, ZipFile old, ZipArchiveEntry a, ZipFile now, ZipArchiveEntry b)
            throws IOException {
        List<String> before = a == null ? List.of() : lines(old, a);
        List<String> after = b == null ? List.of() : lines(now, b);
        if (before == null || after == null) {
            return null;
        }
        List<String> unified = UnifiedDiffUtils.generateUnifiedDiff(
                a == null ? "/dev/null" : "a/" + path, b == null ? "/dev/null" : "b/" + path, before,
                DiffUtils.diff(before, after), CONTEXT_LINES);
        StringBuilder text = new StringBuilder();
        for (String line : unified) {
            if (text.length() + line.length() + 1 > DIFF_MAX) {
                text.append("... (diff cut at ").append(DIFF_MAX).append(" characters)\n");
                break;
            }
            text.append(line).append('\n');
        }
        return text.toString();
    }

    /** The file's lines when it is text of a readable size, else null. */
    private static List<String> lines(ZipFile zip, ZipArchiveEntry entry) throws IOException {
        if (entry.getSize() > TEXT_MAX) {
            return null;
        }
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
            bytes = in.readNBytes((int) entry.getSize());
        }
        for (byte b : bytes) {
            if (b == 0) {
                return null;
            }
        }
        return new String(bytes, StandardCharsets.UTF_8).lines().toList();
    }
}
