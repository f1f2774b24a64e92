package dev.marketplace.app.media;

import dev.marketplace.api.program.ListingImage;
import dev.marketplace.command.program.MediaLibrary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Listing images in the event store's database, content-addressed by the SHA-256 of their re-encoded bytes, in
 * chunks as packages are (DESIGN.md, "Blobs"): the image row is written after its chunks in one transaction, so an
 * image that can be found is whole; the same bytes are stored once. Served in chunk order, one chunk at a time.
 */
@Component
record MediaStore(JdbcTemplate jdbc, TransactionTemplate transactions) implements MediaLibrary {

    static final int CHUNK_BYTES = 256 * 1024;

    void store(ImageCheck.Checked image, String uploader, Instant at) {
        try {
            transactions.executeWithoutResult(tx -> {
                if (find(image.digest()).isPresent()) {
                    return;
                }
                byte[] bytes = image.bytes();
                for (int seq = 0, from = 0; from < bytes.length; seq++, from += CHUNK_BYTES) {
                    jdbc.update("insert into media_chunk (digest, seq, data) values (?, ?, ?)", image.digest(), seq,
                                Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + CHUNK_BYTES)));
                }
                jdbc.update("insert into media (digest, content_type, width, height, size, uploaded_by, stored_at) "
                            + "values (?, ?, ?, ?, ?, ?, ?)", image.digest(), image.contentType(), image.width(),
                            image.height(), bytes.length, uploader, Timestamp.from(at));
            });
        } catch (DuplicateKeyException sameBytesAtOnce) {
            // The same image committed first from another upload: it is stored, which is all this one wanted.
        }
    }

    @Override
    public Optional<ListingImage> find(String digest) {
        return jdbc.query("select digest, content_type, width, height from media where digest = ?",
                          (rs, row) -> new ListingImage(rs.getString("digest"), rs.getString("content_type"),
                                                        rs.getInt("width"), rs.getInt("height")), digest)
                   .stream().findFirst();
    }

    /** Writes the image's bytes to {@code out}, chunk by chunk. */
    void copy(String digest, OutputStream out) {
        List<Integer> chunks = jdbc.queryForList("select seq from media_chunk where digest = ? order by seq",
                                                 Integer.class, digest);
        for (int seq : chunks) {
            byte[] data = jdbc.queryForObject("select data from media_chunk where digest = ? and seq = ?",
                                              byte[].class, digest, seq);
            try {
                out.write(data);
            } catch (IOException e) {
                throw new UncheckedIOException("The client went away while an image was sent", e);
            }
        }
    }

    /** The whole image, for tests and small reads. */
    byte[] bytes(String digest) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        copy(digest, out);
        return out.toByteArray();
    }
}
