package dev.marketplace.app.packages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.api.program.ReleaseRolledBackEvent;
import dev.marketplace.api.program.VersionReleasedEvent;
import dev.marketplace.api.program.VersionSubmittedEvent;
import dev.marketplace.app.support.IndexUse;
import dev.marketplace.app.support.TestDataSources;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A package is public once a released version names it, also when released by a rollback or before the package kept
 * that itself (V39), on PostgreSQL and H2; and looking a package up by its digest reads its own row, not the
 * references of the thousands of versions that may share its bytes, nor every upload.
 */
class PackageLookupTest {

    private static final String SHARED = "a".repeat(64);
    private static final String OTHER = "b".repeat(64);

    @ParameterizedTest
    @MethodSource("dev.marketplace.app.support.TestDataSources#postgresAndH2")
    void aPackageIsPublicOnceAReleasedVersionNamesIt(DriverManagerDataSource database) {
        JdbcTemplate jdbc = migrated(database, null);
        stored(jdbc, SHARED, OTHER);
        PackageReferences references = new PackageReferences(jdbc);
        PackageStore store = store(database);
        for (int v = 1; v <= 3; v++) {
            references.on(submitted("prog-shared-" + v, "1.0.0", SHARED));
        }
        references.on(submitted("prog-other", "1.0.0", OTHER));
        references.on(submitted("prog-other", "1.1.0", OTHER));
        assertThat(store.find(SHARED)).hasValueSatisfying(p -> assertThat(p.published()).isFalse());

        references.on(new VersionReleasedEvent("prog-shared-2", "1.0.0", 100));
        references.on(new VersionReleasedEvent("prog-shared-3", "1.0.0", 100));

        assertThat(store.find(SHARED)).hasValueSatisfying(p -> assertThat(p.published()).isTrue());
        assertThat(store.find(OTHER)).hasValueSatisfying(p -> assertThat(p.published()).isFalse());
        references.on(new ReleaseRolledBackEvent("prog-other", "1.1.0", "1.0.0"));
        assertThat(store.find(OTHER)).hasValueSatisfying(p -> assertThat(p.published()).isTrue());
        assertThat(store.find("c".repeat(64))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("dev.marketplace.app.support.TestDataSources#postgresAndH2")
    void theMigrationPublishesThePackagesOfVersionsReleasedBefore(DriverManagerDataSource database) {
        JdbcTemplate jdbc = migrated(database, "37");
        stored(jdbc, SHARED, OTHER);
        jdbc.update("insert into package_reference (program_id, version, digest, released) values "
                    + "('prog-1', '1.0.0', ?, false), ('prog-2', '1.0.0', ?, true), ('prog-3', '1.0.0', ?, false)",
                    SHARED, SHARED, OTHER);

        migrated(database, null);

        PackageStore store = store(database);
        assertThat(store.find(SHARED)).hasValueSatisfying(p -> assertThat(p.published()).isTrue());
        assertThat(store.find(OTHER)).hasValueSatisfying(p -> assertThat(p.published()).isFalse());
    }

    @Test
    void onPostgresALookupReadsThePackagesOwnRowsOnly() {
        DriverManagerDataSource database = TestDataSources.postgres();
        JdbcTemplate jdbc = migrated(database, null);
        stored(jdbc, SHARED, OTHER);
        List<Object[]> references = new ArrayList<>();
        List<Object[]> uploads = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now());
        for (int v = 0; v < 5_000; v++) {
            references.add(new Object[] {"prog-" + v, "1.0.0", v % 2 == 0 ? SHARED : OTHER, v == 4_998});
            uploads.add(new Object[] {v % 2 == 0 ? SHARED : OTHER, "dev-" + v, now});
        }
        jdbc.batchUpdate("insert into package_reference (program_id, version, digest, released) values (?, ?, ?, ?)",
                         references);
        jdbc.batchUpdate("insert into package_upload (digest, uploader_id, uploaded_at) values (?, ?, ?)", uploads);
        jdbc.update("update package set published = true where digest = ?", SHARED);
        jdbc.execute("analyze");
        PackageStore store = store(database);
        long referencesRead = IndexUse.rowsRead(jdbc, "package_reference");
        long uploadsRead = IndexUse.rowsRead(jdbc, "package_upload");
        long packagesRead = IndexUse.rowsRead(jdbc, "package");

        for (int i = 0; i < 10; i++) {
            assertThat(store.find(SHARED)).hasValueSatisfying(p -> assertThat(p.published()).isTrue());
            assertThat(store.find(SHARED, "dev-" + 2 * i)).isPresent();
            assertThat(store.find(SHARED, "dev-" + (2 * i + 1))).isEmpty();
        }

        // The lookups' backends report their reads when they end; each read a row or two of each table.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(IndexUse.rowsRead(jdbc, "package")).isGreaterThanOrEqualTo(packagesRead + 30);
            assertThat(IndexUse.rowsRead(jdbc, "package_upload")).isGreaterThanOrEqualTo(uploadsRead + 10);
        });
        assertThat(IndexUse.rowsRead(jdbc, "package_upload") - uploadsRead).isLessThanOrEqualTo(20);
        assertThat(IndexUse.rowsRead(jdbc, "package_reference")).isEqualTo(referencesRead);
    }

    /** The database migrated to {@code target}, or to the latest version when null. */
    private static JdbcTemplate migrated(DriverManagerDataSource database, String target) {
        Flyway.configure().dataSource(database).locations("classpath:db/migration")
              .target(target == null ? "latest" : target).load().migrate();
        return new JdbcTemplate(database);
    }

    private static PackageStore store(DriverManagerDataSource database) {
        return new PackageStore(new JdbcTemplate(database),
                                new TransactionTemplate(new DataSourceTransactionManager(database)));
    }

    private static void stored(JdbcTemplate jdbc, String... digests) {
        for (String digest : digests) {
            jdbc.update("insert into package (digest, size, entries, permissions, stored_at) values (?, 1, 1, '', ?)",
                        digest, Timestamp.from(Instant.now()));
        }
    }

    private static VersionSubmittedEvent submitted(String programId, String version, String digest) {
        return new VersionSubmittedEvent(programId, version, "changes", List.of(), List.of(), digest, 1);
    }
}
