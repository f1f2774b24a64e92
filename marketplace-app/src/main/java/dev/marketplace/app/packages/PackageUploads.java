package dev.marketplace.app.packages;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Reads an upload body into a temporary file while hashing and counting it, refusing it as soon as it passes the
 * package limit or its first bytes show it is no zip: a body is never read further than the limit, and is on disk,
 * not in memory, while the {@link PackageInspector} checks it.
 */
final class PackageUploads {

    private static final byte[][] ZIP_STARTS = {{'P', 'K', 3, 4}, {'P', 'K', 5, 6}};

    private final PackageLimits limits;
    private final PackageInspector inspector;
    private final PackageStore store;
    private final Clock clock;

    PackageUploads(PackageLimits limits, PackageStore store, Clock clock) {
        this.limits = limits;
        this.inspector = new PackageInspector(limits);
        this.store = store;
        this.clock = clock;
    }

    /** The stored package's digest and size. */
    record Uploaded(String digest, long size) {
    }

    Uploaded upload(InputStream body, long declaredLength, String uploader) throws IOException {
        if (declaredLength > limits.maxPackageBytes()) {
            throw tooLarge(declaredLength);
        }
        Path file = Files.createTempFile("package-", ".zip");
        try {
            MessageDigest sha256 = sha256();
            long size = copy(body, file, sha256);
            String digest = HexFormat.of().formatHex(sha256.digest());
            PackageInspector.Inspection inspection = inspector.inspect(file, size);
            store.store(digest, size, inspection, file, uploader, clock.instant());
            return new Uploaded(digest, size);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private long copy(InputStream body, Path file, MessageDigest sha256) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int n; (n = body.read(buffer)) >= 0; ) {
                if (size < 4 && size + n >= 4 && !startsLikeAZip(buffer, (int) size, file, n)) {
                    throw CentralDirectoryEnd.notAZip();
                }
                size += n;
                if (size > limits.maxPackageBytes()) {
                    throw tooLarge(size);
                }
                sha256.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        }
        if (size < 4) {
            throw CentralDirectoryEnd.notAZip();
        }
        return size;
    }

    /** The first four bytes, of which {@code written} are already in {@code file} and the rest start the buffer. */
    private static boolean startsLikeAZip(byte[] buffer, int written, Path file, int read) throws IOException {
        byte[] start = new byte[4];
        if (written > 0) {
            System.arraycopy(Files.readAllBytes(file), 0, start, 0, written);
        }
        System.arraycopy(buffer, 0, start, written, Math.min(4 - written, read));
        for (byte[] zip : ZIP_STARTS) {
            if (Arrays.equals(zip, start)) {
                return true;
            }
        }
        return false;
    }

    private PackageRefusal tooLarge(long bytes) {
        return new PackageRefusal("PACKAGE_TOO_LARGE", "The package is over " + limits.maxPackageBytes()
                                  + " bytes (" + bytes + " read); the upload was cut off at the limit.");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
