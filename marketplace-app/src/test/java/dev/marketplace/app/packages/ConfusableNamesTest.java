package dev.marketplace.app.packages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.app.support.IndexUse;
import dev.marketplace.app.support.TestDataSources;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The names one edit away are the same whether every name is read (H2) or only those sharing a half with the key
 * (PostgreSQL's indexes), including keys whose halves end in characters outside the Basic Multilingual Plane or at
 * the top of Unicode; and on PostgreSQL a check reads the names through the indexes, not the whole table.
 */
class ConfusableNamesTest {

    /** A small alphabet, so that many keys are one edit apart, with the characters where byte ranges have edges. */
    private static final String[] LETTERS = {"a", "b", "c", " ", "\u00e9", "\uD7FF", "\uE000", "\uD83D\uDE00",
                                             new String(Character.toChars(Character.MAX_CODE_POINT))};

    private record Row(String key, String programId, boolean live) {
    }

    @ParameterizedTest
    @MethodSource("dev.marketplace.app.support.TestDataSources#postgresAndH2")
    void findsExactlyTheLiveNamesOneEditAway(DriverManagerDataSource database) {
        JdbcTemplate jdbc = migrated(database);
        List<Row> rows = randomNames(jdbc, 1_500, 1, 7, new Random(7));
        ConfusableNames names = new ConfusableNames(jdbc);

        for (Row own : rows.subList(0, 200)) {
            List<String> expected = rows.stream()
                    .filter(o -> o.live() && !o.programId().equals(own.programId())
                                 && ConfusableNames.withinOneEdit(own.key(), o.key()))
                    .sorted(Comparator.comparing(Row::key)).map(o -> "name of " + o.programId()).toList();
            assertThat(names.nearLiveNames(own.programId(), Integer.MAX_VALUE)).as("near %s", own.key())
                    .isEqualTo(expected);
        }
        assertThat(rows.subList(0, 200)).as("the sample holds keys with near live names")
                .anySatisfy(own -> assertThat(names.nearLiveNames(own.programId(), 3)).hasSize(3));
    }

    @Test
    void onPostgresANameCheckReadsThroughTheIndexes() {
        JdbcTemplate jdbc = migrated(TestDataSources.postgres());
        List<Row> rows = randomNames(jdbc, 20_000, 8, 24, new Random(11));
        jdbc.execute("analyze program_name");
        long seqScans = IndexUse.sequentialScans(jdbc, "program_name");
        long prefixScans = IndexUse.indexScans(jdbc, "program_name_key_prefix");
        long suffixScans = IndexUse.indexScans(jdbc, "program_name_key_suffix");

        ConfusableNames names = new ConfusableNames(jdbc);
        for (Row own : rows.subList(0, 20)) {
            names.nearLiveNames(own.programId(), 5);
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(IndexUse.indexScans(jdbc, "program_name_key_prefix")).isGreaterThanOrEqualTo(prefixScans + 20);
            assertThat(IndexUse.indexScans(jdbc, "program_name_key_suffix")).isGreaterThanOrEqualTo(suffixScans + 20);
        });
        assertThat(IndexUse.sequentialScans(jdbc, "program_name")).isEqualTo(seqScans);
    }

    @Test
    void theSuccessorOfAPartIsAboveEveryStringStartingWithIt() {
        String top = new String(Character.toChars(Character.MAX_CODE_POINT));
        assertThat(ConfusableNames.successor("ab")).hasValue("ac");
        assertThat(ConfusableNames.successor("a\uD7FF")).hasValue("a\uE000");
        assertThat(ConfusableNames.successor("a\uFFFF")).hasValue("a\uD800\uDC00");
        assertThat(ConfusableNames.successor("a" + top)).hasValue("b");
        assertThat(ConfusableNames.successor(top + top)).isEmpty();
    }

    private static JdbcTemplate migrated(DriverManagerDataSource database) {
        Flyway.configure().dataSource(database).locations("classpath:db/migration")
              .javaMigrations(new ConfusableNameIndexes()).load().migrate();
        return new JdbcTemplate(database);
    }

    /** {@code count} distinct random keys of {@code shortest} to {@code longest} letters, two in three live. */
    private static List<Row> randomNames(JdbcTemplate jdbc, int count, int shortest, int longest, Random random) {
        Set<String> keys = new LinkedHashSet<>();
        while (keys.size() < count) {
            StringBuilder key = new StringBuilder();
            for (int i = shortest + random.nextInt(longest - shortest + 1); i > 0; i--) {
                key.append(LETTERS[random.nextInt(LETTERS.length)]);
            }
            keys.add(key.toString());
        }
        List<Row> rows = new ArrayList<>();
        for (String key : keys) {
            rows.add(new Row(key, "prog-" + rows.size(), random.nextInt(3) > 0));
        }
        jdbc.batchUpdate("insert into program_name (name_key, normalized_name, program_id) values (?, ?, ?)",
                         rows.stream().map(r -> new Object[] {r.key(), "name of " + r.programId(), r.programId()})
                             .toList());
        jdbc.batchUpdate("insert into program_directory (program_id, developer_id, status) values (?, ?, ?)",
                         rows.stream().map(r -> new Object[] {r.programId(), "dev", r.live() ? "LIVE" : "SUSPENDED"})
                             .toList());
        return rows;
    }
}
