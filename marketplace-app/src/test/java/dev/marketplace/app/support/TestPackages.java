package dev.marketplace.app.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * Mini-program packages that tests build themselves: a good one to start from, and whatever malformed one a test
 * needs (entries with any name, links, stored or deflated data, any manifest).
 */
public final class TestPackages {

    /** The manifest of {@link #good()}: two pages, asking for the camera. */
    public static final String GOOD_MANIFEST = """
            {"pages": ["pages/index/index", "pages/scan/scan"],
             "permission": {"CAMERA": {"desc": "Scans barcodes of the items you buy"}}}""";

    private final List<Entry> entries = new ArrayList<>();

    private record Entry(String name, byte[] data, boolean stored, int unixMode) {
    }

    private TestPackages() {
    }

    public static TestPackages empty() {
        return new TestPackages();
    }

    /** A well-formed package: manifest, two pages, a shared script and an image. */
    public static TestPackages good() {
        return empty().text("app.json", GOOD_MANIFEST)
                      .text("pages/index/index.js", "Page({ data: { greeting: 'Welcome' } });\n")
                      .text("pages/index/index.wxml", "<view>{{greeting}}</view>\n")
                      .text("pages/scan/scan.js", "Page({ scan() { mp.scanCode({}); } });\n")
                      .text("utils/format.js", "module.exports = { price: p => (p / 100).toFixed(2) };\n")
                      .stored("images/logo.png", random(2048, 7));
    }

    /** The bytes of {@link #good()} with {@code note} in one more file: a package with a digest of its own. */
    public static byte[] goodZip(String note) {
        return good().text("NOTES.md", note).zip();
    }

    public TestPackages text(String name, String text) {
        entries.add(new Entry(name, text.getBytes(StandardCharsets.UTF_8), false, 0));
        return this;
    }

    public TestPackages deflated(String name, byte[] data) {
        entries.add(new Entry(name, data, false, 0));
        return this;
    }

    public TestPackages stored(String name, byte[] data) {
        entries.add(new Entry(name, data, true, 0));
        return this;
    }

    /** A symbolic link named {@code name} to {@code target}, as zip tools record one (a Unix mode). */
    public TestPackages symlink(String name, String target) {
        entries.add(new Entry(name, target.getBytes(StandardCharsets.UTF_8), true, 0120777));
        return this;
    }

    public int zipEntryCount() {
        return entries.size();
    }

    public TestPackages without(String name) {
        entries.removeIf(e -> e.name().equals(name));
        return this;
    }

    /** The SHA-256 of {@code bytes} in hexadecimal, as the marketplace names packages. */
    public static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code count} bytes that do not compress, the same for the same seed. */
    public static byte[] random(int count, long seed) {
        byte[] bytes = new byte[count];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    public byte[] zip() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeTo(out);
        return out.toByteArray();
    }

    public void writeTo(OutputStream target) {
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(target)) {
            for (Entry e : entries) {
                ZipArchiveEntry entry = new ZipArchiveEntry(e.name());
                if (e.unixMode() != 0) {
                    entry.setUnixMode(e.unixMode());
                }
                if (e.stored()) {
                    CRC32 crc = new CRC32();
                    crc.update(e.data());
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(e.data().length);
                    entry.setCrc(crc.getValue());
                } else {
                    entry.setMethod(ZipEntry.DEFLATED);
                }
                zip.putArchiveEntry(entry);
                zip.write(e.data());
                zip.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
