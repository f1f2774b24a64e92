package dev.marketplace.app.names;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.command.program.ProgramNameRekeying;
import dev.marketplace.command.program.ProgramNames;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Names registered while the name table was keyed by the normalised name still collide once it is keyed by the
 * look-alike skeleton: V10 (program name keys) and {@link ProgramNameRekeying} re-key the rows a version-9 database holds, on
 * PostgreSQL and on the embedded H2 alike. Of two old names that are now one, the older registration keeps the key.
 */
class ProgramNameRekeyingTest {

    @ParameterizedTest
    @MethodSource("dev.marketplace.app.support.TestDataSources#postgresAndH2")
    void namesAlreadyRegisteredStillCollideUnderTheirLookAlikeKeys(DriverManagerDataSource database) {
        Flyway.configure().dataSource(database).locations("classpath:db/migration").target("9").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(database);
        // Registered in this order; "wаlmart" (Cyrillic а) before the Latin "walmart".
        registered(jdbc, "prog-cyrillic", 1, "w\u0430lmart");
        registered(jdbc, "prog-latin", 2, "walmart");
        registered(jdbc, "prog-oce", 3, "oce");
        jdbc.update("insert into program_name (normalized_name, program_id) values (?, ?)", "tea house", "prog-tea");

        Flyway.configure().dataSource(database).locations("classpath:db/migration")
              .javaMigrations(new ProgramNameRekeying()).load().migrate();

        assertThat(holder(jdbc, "\u041E\u0441\u0435")).isEqualTo("prog-oce");
        assertThat(holder(jdbc, "OCE")).isEqualTo("prog-oce");
        assertThat(holder(jdbc, "Tea H0use")).isEqualTo("prog-tea");
        assertThat(holder(jdbc, "Walmart")).isEqualTo("prog-cyrillic");
        assertThat(jdbc.queryForObject("select normalized_name from program_name where program_id = ?", String.class,
                                       "prog-latin")).isEqualTo("walmart");
        assertThat(jdbc.queryForObject("select count(*) from program_name", Integer.class)).isEqualTo(4);
    }

    private static void registered(JdbcTemplate jdbc, String programId, long position, String normalizedName) {
        jdbc.update("insert into domain_event_entry (global_index, event_identifier, aggregate_identifier,"
                    + " sequence_number, time_stamp, payload_type, payload) values (?, ?, ?, 0, ?, ?, ?)",
                    position, UUID.randomUUID().toString(), programId, "2026-01-01T00:00:00Z",
                    "dev.marketplace.api.program.MiniProgramRegisteredEvent", new byte[] {'{', '}'});
        jdbc.update("insert into program_name (normalized_name, program_id) values (?, ?)", normalizedName,
                    programId);
    }

    private static String holder(JdbcTemplate jdbc, String name) {
        return jdbc.queryForObject("select program_id from program_name where name_key = ?", String.class,
                                   ProgramNames.key(name));
    }
}
