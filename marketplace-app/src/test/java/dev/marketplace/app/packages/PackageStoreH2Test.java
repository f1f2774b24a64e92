package dev.marketplace.app.packages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.api.program.Permission;
import dev.marketplace.app.support.TestPackages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The package store on H2 in PostgreSQL mode, as the embedded default runs it (the integration tests run on
 * PostgreSQL): a package over several chunks goes in and comes out whole and by ranges, and cleanup removes it.
 */
class PackageStoreH2Test {

    @TempDir
    Path folder;

    @Test
    void aPackageOfSeveralChunksGoesInAndOutWholeAndByRangesAndIsCleanedUp() throws IOException {
        DriverManagerDataSource data = new DriverManagerDataSource(
                "jdbc:h2:mem:packages;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "sa", "");
        Flyway.configure().dataSource(data).locations("classpath:db/migration").load().migrate();
        PackageStore store = new PackageStore(new JdbcTemplate(data),
                                              new TransactionTemplate(new DataSourceTransactionManager(data)));
        byte[] zip = TestPackages.good().stored("assets/big.bin", TestPackages.random(700_000, 9)).zip();
        Path file = folder.resolve("p.zip");
        Files.write(file, zip);
        String digest = TestPackages.digest(zip);
        PackageInspector.Inspection inspection = new PackageInspector(PackageLimits.defaults()).inspect(file,
                                                                                                      zip.length);

        store.store(digest, zip.length, inspection, file, "dev-h2", Instant.parse("2026-01-01T00:00:00Z"));
        store.store(digest, zip.length, inspection, file, "dev-h2b", Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(store.find(digest)).hasValueSatisfying(p -> assertThat(p.size()).isEqualTo(zip.length));
        assertThat(store.find(digest, "dev-h2b")).hasValueSatisfying(
                p -> assertThat(p.permissions()).isEqualTo(Set.of(Permission.CAMERA)));
        try (InputStream whole = store.open(digest, 0, zip.length);
             InputStream range = store.open(digest, PackageStore.CHUNK_BYTES - 10, 20)) {
            assertThat(whole.readAllBytes()).isEqualTo(zip);
            assertThat(range.readAllBytes()).isEqualTo(
                    Arrays.copyOfRange(zip, PackageStore.CHUNK_BYTES - 10, PackageStore.CHUNK_BYTES + 10));
        }

        assertThat(store.deleteUnreferenced(Instant.parse("2026-01-01T00:00:00Z"))).isZero();
        assertThat(store.deleteUnreferenced(Instant.parse("2026-01-02T00:00:00Z"))).isEqualTo(1);
        assertThat(store.find(digest)).isEmpty();
    }
}
