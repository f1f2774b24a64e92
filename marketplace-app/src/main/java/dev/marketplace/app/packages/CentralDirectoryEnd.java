package dev.marketplace.app.packages;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The end-of-central-directory record of a zip, read before anything else: its entry count is checked before a zip
 * library parses the directory, which it would hold whole in memory (a 20 MB zip can list hundreds of thousands of
 * empty entries).
 */
record CentralDirectoryEnd(int entries, long directorySize, long directoryOffset) {

    private static final int SIGNATURE = 0x06054b50;
    private static final int RECORD_SIZE = 22;
    private static final int MAX_COMMENT = 0xFFFF;

    /** The record of the zip in {@code file}; a file without one is not a zip. */
    static CentralDirectoryEnd of(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < RECORD_SIZE) {
                throw notAZip();
            }
            int tail = (int) Math.min(size, RECORD_SIZE + MAX_COMMENT);
            ByteBuffer buffer = ByteBuffer.allocate(tail).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(buffer, size - tail);
            for (int at = tail - RECORD_SIZE; at >= 0; at--) {
                if (buffer.getInt(at) == SIGNATURE && at + RECORD_SIZE + (buffer.getShort(at + 20) & 0xFFFF) == tail) {
                    int entries = buffer.getShort(at + 10) & 0xFFFF;
                    long directorySize = buffer.getInt(at + 12) & 0xFFFFFFFFL;
                    long directoryOffset = buffer.getInt(at + 16) & 0xFFFFFFFFL;
                    if (entries == 0xFFFF || directorySize == 0xFFFFFFFFL || directoryOffset == 0xFFFFFFFFL) {
                        throw new PackageRefusal("NOT_A_ZIP", "ZIP64 archives are not accepted: a package is small "
                                                 + "enough for a plain zip.");
                    }
                    return new CentralDirectoryEnd(entries, directorySize, directoryOffset);
                }
            }
            throw notAZip();
        }
    }

    static PackageRefusal notAZip() {
        return new PackageRefusal("NOT_A_ZIP", "The body is not a zip archive.");
    }
}
