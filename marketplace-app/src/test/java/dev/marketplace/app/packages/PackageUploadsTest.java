package dev.marketplace.app.packages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** An upload body is read no further than the package limit, nor past first bytes that are no zip's. */
class PackageUploadsTest {

    private static final long LIMIT = 1024 * 1024;

    private final PackageUploads uploads = new PackageUploads(
            new PackageLimits(LIMIT, null, null, null, null, null), null, Clock.systemUTC());

    @Test
    void aBodyOverTheLimitIsCutOffAtTheLimit() {
        EndlessBody body = new EndlessBody(new byte[] {'P', 'K', 3, 4});

        assertThatThrownBy(() -> uploads.upload(body, -1, "dev-1"))
                .isInstanceOf(PackageRefusal.class).hasFieldOrPropertyWithValue("code", "PACKAGE_TOO_LARGE");
        assertThat(body.read).isGreaterThan(LIMIT).isLessThanOrEqualTo(LIMIT + 64 * 1024);
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeReading() {
        EndlessBody body = new EndlessBody(new byte[] {'P', 'K', 3, 4});

        assertThatThrownBy(() -> uploads.upload(body, LIMIT + 1, "dev-1"))
                .isInstanceOf(PackageRefusal.class).hasFieldOrPropertyWithValue("code", "PACKAGE_TOO_LARGE");
        assertThat(body.read).isZero();
    }

    @Test
    void aBodyThatDoesNotStartLikeAZipIsRefusedAfterItsFirstBytes() {
        EndlessBody body = new EndlessBody("%PDF-1.7".getBytes());

        assertThatThrownBy(() -> uploads.upload(body, -1, "dev-1"))
                .isInstanceOf(PackageRefusal.class).hasFieldOrPropertyWithValue("code", "NOT_A_ZIP");
        assertThat(body.read).isLessThanOrEqualTo(64 * 1024);
    }

    /** A body that never ends, counting what was read of it. */
    private static final class EndlessBody extends InputStream {

        private final byte[] start;
        private long read;

        EndlessBody(byte[] start) {
            this.start = start;
        }

        @Override
        public int read() {
            return read++ < start.length ? start[(int) read - 1] : 'x';
        }

        @Override
        public int read(byte[] into, int at, int length) {
            for (int i = 0; i < length; i++) {
                into[at + i] = (byte) read();
            }
            return length;
        }
    }
}
