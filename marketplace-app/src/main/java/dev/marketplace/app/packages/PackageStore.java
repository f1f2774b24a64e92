package dev.marketplace.app.packages;

import dev.marketplace.api.program.Permission;
import dev.marketplace.command.program.UploadedPackages;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Packages in the event store's database, content-addressed by SHA-256: the bytes in {@value #CHUNK_BYTES}-byte
 * chunks, written and read one chunk at a time, so no package is ever whole in memory. The package row is written
 * after its chunks in one transaction: a package that can be found is complete. The same bytes are stored once,
 * however many developers upload them; each upload is remembered, as only an uploader may name the package.
 */
@Component
public record PackageStore(JdbcTemplate jdbc, TransactionTemplate transactions) implements UploadedPackages {

    static final int CHUNK_BYTES = 256 * 1024;

    /** A stored package's size and whether it is public (a released or superseded version names it). */
    public record StoredPackage(String digest, long size, boolean published) {
    }

    /**
     * Stores the checked package in {@code file} unless the same bytes are stored already, and records that
     * {@code uploader} uploaded it at {@code at}.
     */
    void store(String digest, long size, PackageInspector.Inspection inspection, Path file, String uploader,
               Instant at) {
        try {
            transactions.executeWithoutResult(tx -> storeOnce(digest, size, inspection, file, uploader, at));
        } catch (DuplicateKeyException sameBytesAtOnce) {
            // Another upload of these bytes committed first; they are stored, so only this upload is recorded.
            transactions.executeWithoutResult(tx -> recordUpload(digest, uploader, at));
        }
    }

    private void storeOnce(String digest, long size, PackageInspector.Inspection inspection, Path file,
                           String uploader, Instant at) {
        if (find(digest).isEmpty()) {
            try (InputStream in = Files.newInputStream(file)) {
                int seq = 0;
                for (byte[] chunk = in.readNBytes(CHUNK_BYTES); chunk.length > 0; chunk = in.readNBytes(CHUNK_BYTES)) {
                    jdbc.update("insert into package_chunk (digest, seq, data) values (?, ?, ?)", digest, seq++,
                                chunk);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("The uploaded package could not be read back", e);
            }
            jdbc.update("insert into package (digest, size, entries, permissions, stored_at) values (?, ?, ?, ?, ?)",
                        digest, size, inspection.entries(), inspection.permissions().stream().map(Enum::name)
                                                                       .sorted().collect(Collectors.joining(",")),
                        Timestamp.from(at));
        }
        recordUpload(digest, uploader, at);
    }

    private void recordUpload(String digest, String uploader, Instant at) {
        int updated = jdbc.update("update package_upload set uploaded_at = ? where digest = ? and uploader_id = ?",
                                  Timestamp.from(at), digest, uploader);
        if (updated == 0) {
            jdbc.update("insert into package_upload (digest, uploader_id, uploaded_at) values (?, ?, ?)", digest,
                        uploader, Timestamp.from(at));
        }
    }

    /** The package with these bytes, if stored. */
    public Optional<StoredPackage> find(String digest) {
        return jdbc.query("select size, published from package where digest = ?",
                          (rs, row) -> new StoredPackage(digest, rs.getLong(1), rs.getBoolean(2)), digest)
                   .stream().findFirst();
    }

    public boolean uploadedBy(String digest, String userId) {
        return !jdbc.queryForList("select 1 from package_upload where digest = ? and uploader_id = ?", Integer.class,
                                  digest, userId).isEmpty();
    }

    @Override
    public Optional<UploadedPackage> find(String digest, String uploaderId) {
        // The digest as given on both tables: a join of package's char(64) with package_upload's varchar compares
        // them as char, which the upload's key does not serve, and read every upload.
        return jdbc.query("select p.size, p.permissions from package p where p.digest = ? and exists (select 1 from "
                          + "package_upload u where u.digest = ? and u.uploader_id = ?)",
                          (rs, row) -> new UploadedPackage(digest, rs.getLong(1), parsePermissions(rs.getString(2))),
                          digest, digest, uploaderId).stream().findFirst();
    }

    /** The stored package in a new temporary file, which the caller deletes; empty when it is not stored. */
    Optional<Path> copyToTempFile(String digest) throws IOException {
        Optional<StoredPackage> stored = find(digest);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Path file = Files.createTempFile("package-", ".zip");
        try (InputStream in = open(digest, 0, stored.get().size())) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return Optional.of(file);
    }

    /** The permissions the stored package's manifest declares. */
    public Set<Permission> permissions(String digest) {
        return jdbc.queryForList("select permissions from package where digest = ?", String.class, digest).stream()
                   .findFirst().map(PackageStore::parsePermissions).orElse(Set.of());
    }

    /** The bytes {@code from} (inclusive) for {@code length} bytes, read from the database a chunk at a time. */
    public InputStream open(String digest, long from, long length) {
        return new ChunkStream(digest, from, length);
    }

    /**
     * Deletes packages that no version names and that nobody uploaded since {@code uploadedBefore}; returns how
     * many. The package row goes first, under the same condition, so a version submitted meanwhile keeps it.
     */
    int deleteUnreferenced(Instant uploadedBefore) {
        List<String> candidates = jdbc.queryForList(
                "select p.digest from package p where not exists (select 1 from package_reference r where r.digest = "
                + "p.digest) and not exists (select 1 from package_upload u where u.digest = p.digest and "
                + "u.uploaded_at >= ?)", String.class, Timestamp.from(uploadedBefore));
        int deleted = 0;
        for (String digest : candidates) {
            Integer gone = transactions.execute(tx -> {
                int rows = jdbc.update("delete from package where digest = ? and not exists (select 1 from "
                                       + "package_reference r where r.digest = ?) and not exists (select 1 from "
                                       + "package_upload u where u.digest = ? and u.uploaded_at >= ?)", digest,
                                       digest, digest, Timestamp.from(uploadedBefore));
                if (rows == 1) {
                    jdbc.update("delete from package_chunk where digest = ?", digest);
                    jdbc.update("delete from package_upload where digest = ?", digest);
                }
                return rows;
            });
            deleted += gone == null ? 0 : gone;
        }
        return deleted;
    }

    private static Set<Permission> parsePermissions(String names) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        Arrays.stream(names.split(",")).filter(n -> !n.isEmpty()).map(Permission::valueOf).forEach(permissions::add);
        return permissions;
    }

    /** A range of a package, holding one chunk at a time. */
    private final class ChunkStream extends InputStream {

        private final String digest;
        private long position;
        private long remaining;
        private byte[] chunk = new byte[0];
        private int offset;

        ChunkStream(String digest, long from, long length) {
            this.digest = digest;
            this.position = from;
            this.remaining = length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] into, int at, int length) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            if (offset >= chunk.length) {
                load();
            }
            int n = (int) Math.min(Math.min(length, chunk.length - offset), remaining);
            System.arraycopy(chunk, offset, into, at, n);
            offset += n;
            position += n;
            remaining -= n;
            return n;
        }

        private void load() throws IOException {
            int seq = (int) (position / CHUNK_BYTES);
            List<byte[]> rows = jdbc.queryForList("select data from package_chunk where digest = ? and seq = ?",
                                                  byte[].class, digest, seq);
            if (rows.isEmpty()) {
                throw new IOException("Chunk " + seq + " of package " + digest + " is missing");
            }
            chunk = rows.get(0);
            offset = (int) (position % CHUNK_BYTES);
        }
    }
}
