package dev.marketplace.app.packages;

import dev.marketplace.api.program.Permission;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Decides whether a zip on disk is a well-formed package, without ever expanding more than it declares. In order:
 * the entry count from the end record (before the directory is parsed), then per entry from the central directory
 * its name (no {@code ..}, no absolute path), kind (no links), method, declared sizes and compression ratio, then
 * the manifest and the pages it lists, the size of the main package and of each subpackage, and last every entry's
 * data, inflated only up to its declared size: an entry whose data is longer than declared is refused there.
 */
final class PackageInspector {

    /** Entries this small may compress very well (a page of zeros) without being a bomb. */
    private static final long RATIO_FLOOR = 100 * 1024;

    private final PackageLimits limits;

    PackageInspector(PackageLimits limits) {
        this.limits = limits;
    }

    /** What a well-formed package holds. */
    record Inspection(int entries, Set<Permission> permissions, Manifest manifest) {
    }

    Inspection inspect(Path file, long size) throws IOException {
        CentralDirectoryEnd end = CentralDirectoryEnd.of(file);
        if (end.entries() > limits.maxEntries()) {
            throw tooManyEntries(end.entries());
        }
        ZipFile zip;
        try {
            zip = ZipFile.builder().setPath(file).setUseUnicodeExtraFields(false).get();
        } catch (IOException | RuntimeException notReadable) {
            throw new PackageRefusal("NOT_A_ZIP", "The body is not a readable zip archive: "
                                     + notReadable.getMessage());
        }
        try (zip) {
            List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
            if (entries.size() > limits.maxEntries()) {
                throw tooManyEntries(entries.size());
            }
            long uncompressed = 0;
            Set<String> names = new HashSet<>();
            for (ZipArchiveEntry entry : entries) {
                checkEntry(zip, entry);
                if (!names.add(entry.getName())) {
                    throw new PackageRefusal("DUPLICATE_ENTRY", "The zip holds " + entry.getName() + " twice.",
                                             entry.getName());
                }
                uncompressed += entry.getSize();
                if (uncompressed > limits.maxUncompressedBytes()) {
                    throw new PackageRefusal("UNCOMPRESSED_TOO_LARGE", "The entries expand to more than "
                                             + limits.maxUncompressedBytes() + " bytes.", entry.getName());
                }
            }
            if (uncompressed > RATIO_FLOOR && uncompressed / Math.max(size, 1) > limits.maxCompressionRatio()) {
                throw new PackageRefusal("COMPRESSION_RATIO", "The package expands " + uncompressed / size
                                         + " times; at most " + limits.maxCompressionRatio() + " is accepted.");
            }
            ZipArchiveEntry manifestEntry = zip.getEntry(Manifest.FILE);
            if (manifestEntry == null || manifestEntry.isDirectory()) {
                throw new PackageRefusal("MANIFEST_MISSING", "The package has no " + Manifest.FILE
                                         + " at the root of the zip.", Manifest.FILE);
            }
            if (manifestEntry.getSize() > Manifest.MAX_BYTES) {
                throw new PackageRefusal("INVALID_MANIFEST", Manifest.FILE + " is larger than " + Manifest.MAX_BYTES
                                         + " bytes.", Manifest.FILE);
            }
            Manifest manifest = Manifest.parse(read(zip, manifestEntry));
            for (String script : manifest.pageScripts()) {
                ZipArchiveEntry page = zip.getEntry(script);
                if (page == null || page.isDirectory()) {
                    throw new PackageRefusal("PAGE_MISSING", "app.json lists a page whose script " + script
                                             + " is not in the package.", script);
                }
            }
            checkPartSizes(entries, manifest);
            for (ZipArchiveEntry entry : entries) {
                if (!entry.isDirectory()) {
                    drain(zip, entry);
                }
            }
            return new Inspection(entries.size(), manifest.permissions(), manifest);
        }
    }

    private void checkEntry(ZipFile zip, ZipArchiveEntry entry) {
        String name = entry.getName();
        if (!EntryNames.isSafe(name)) {
            throw new PackageRefusal("UNSAFE_PATH", "The entry " + printable(name) + " is not a relative path "
                                     + "inside the package (absolute, '..', '.', backslash or drive letter).",
                                     printable(name));
        }
        if (entry.isUnixSymlink()) {
            throw new PackageRefusal("LINK", "The entry " + name + " is a symbolic link; a package holds only "
                                     + "files and folders.", name);
        }
        if (entry.getGeneralPurposeBit().usesEncryption()) {
            throw new PackageRefusal("ENCRYPTED_ENTRY", "The entry " + name + " is encrypted.", name);
        }
        if (entry.getMethod() != ZipEntry.STORED && entry.getMethod() != ZipEntry.DEFLATED
            || !zip.canReadEntryData(entry)) {
            throw new PackageRefusal("UNSUPPORTED_COMPRESSION", "The entry " + name + " is compressed with method "
                                     + entry.getMethod() + "; only stored and deflated entries are accepted.", name);
        }
        long size = entry.getSize();
        long compressed = entry.getCompressedSize();
        if (size < 0 || compressed < 0) {
            throw new PackageRefusal("NOT_A_ZIP", "The entry " + name + " declares no size.", name);
        }
        if (size > limits.maxUncompressedBytes()) {
            throw new PackageRefusal("UNCOMPRESSED_TOO_LARGE", "The entry " + name + " expands to " + size
                                     + " bytes; the whole package may expand to " + limits.maxUncompressedBytes()
                                     + ".", name);
        }
        if (size > RATIO_FLOOR && size / Math.max(compressed, 1) > limits.maxCompressionRatio()) {
            throw new PackageRefusal("COMPRESSION_RATIO", "The entry " + name + " expands " + size / Math.max(
                    compressed, 1) + " times; at most " + limits.maxCompressionRatio() + " is accepted.", name);
        }
    }

    /** The main package and each subpackage, in the bytes they take in the zip, against the part limit. */
    private void checkPartSizes(List<ZipArchiveEntry> entries, Manifest manifest) {
        Map<String, Long> parts = new HashMap<>();
        for (ZipArchiveEntry entry : entries) {
            Manifest.Subpackage sub = manifest.subpackageOf(entry.getName());
            parts.merge(sub == null ? "" : sub.root(), entry.getCompressedSize(), Long::sum);
        }
        parts.forEach((root, bytes) -> {
            if (bytes > limits.maxPartBytes()) {
                throw new PackageRefusal(root.isEmpty() ? "MAIN_PACKAGE_TOO_LARGE" : "SUBPACKAGE_TOO_LARGE",
                                         (root.isEmpty() ? "The main package" : "The subpackage " + root) + " takes "
                                         + bytes + " bytes; at most " + limits.maxPartBytes() + " are accepted.",
                                         root.isEmpty() ? null : root);
            }
        });
    }

    /** The entry's bytes, which a caller has checked to be few. */
    private static byte[] read(ZipFile zip, ZipArchiveEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = in.readNBytes((int) entry.getSize() + 1);
            if (bytes.length != entry.getSize()) {
                throw sizeMismatch(entry);
            }
            return bytes;
        }
    }

    /** Inflates the entry up to one byte past its declared size, which is all a lying entry gets to expand. */
    private static void drain(ZipFile zip, ZipArchiveEntry entry) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        try (InputStream in = zip.getInputStream(entry)) {
            for (int n; total <= entry.getSize() && (n = in.read(buffer)) >= 0; ) {
                total += n;
            }
        } catch (IOException | RuntimeException corrupt) {
            throw new PackageRefusal("NOT_A_ZIP", "The entry " + entry.getName() + " cannot be read: "
                                     + corrupt.getMessage(), entry.getName());
        }
        if (total != entry.getSize()) {
            throw sizeMismatch(entry);
        }
    }

    private static PackageRefusal sizeMismatch(ZipArchiveEntry entry) {
        return new PackageRefusal("SIZE_MISMATCH", "The entry " + entry.getName() + " does not hold the "
                                  + entry.getSize() + " bytes its header declares.", entry.getName());
    }

    private PackageRefusal tooManyEntries(int count) {
        return new PackageRefusal("TOO_MANY_ENTRIES", "The zip has " + count + " entries; at most "
                                  + limits.maxEntries() + " are accepted.");
    }

    private static String printable(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().limit(200).forEach(c -> {
            if (c < 0x20 || c == 0x7F) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
