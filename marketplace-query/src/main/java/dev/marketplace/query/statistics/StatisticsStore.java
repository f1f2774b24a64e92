package dev.marketplace.query.statistics;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The statistics tables: each program's current version, the version each installation was counted under, and
 * the counts per program, UTC day and version. Written only by {@link StatisticsProjection}, in its processor's
 * transaction.
 */
@Repository
class StatisticsStore {

    /** Counted under this when an event came before any release (an install cannot, a stray rating might). */
    static final String NO_VERSION = "";

    private final JdbcTemplate jdbc;

    StatisticsStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    String currentVersion(String programId) {
        return jdbc.queryForList("select current_version from statistics_program where program_id = ?",
                                 String.class, programId).stream().filter(v -> v != null).findFirst()
                   .orElse(NO_VERSION);
    }

    void setCurrentVersion(String programId, String version) {
        if (jdbc.update("update statistics_program set current_version = ? where program_id = ?", version,
                        programId) == 0) {
            jdbc.update("insert into statistics_program (program_id, current_version) values (?, ?)", programId,
                        version);
        }
    }

    /** Remembers the version an installation is counted under; false when it was already counted as installed. */
    boolean install(String installationId, String programId, String version) {
        if (installedUnder(installationId).isPresent()) {
            return false;
        }
        jdbc.update("insert into statistics_installation (installation_id, program_id, version) values (?, ?, ?)",
                    installationId, programId, version);
        return true;
    }

    /** Forgets the installation, answering the version it was counted under; empty when it was not installed. */
    Optional<String> uninstall(String installationId) {
        Optional<String> version = installedUnder(installationId);
        version.ifPresent(v -> jdbc.update("delete from statistics_installation where installation_id = ?",
                                           installationId));
        return version;
    }

    private Optional<String> installedUnder(String installationId) {
        return jdbc.queryForList("select version from statistics_installation where installation_id = ?",
                                 String.class, installationId).stream().findFirst();
    }

    void count(String programId, LocalDate day, String version, int installs, int uninstalls, int ratings,
               int stars) {
        int updated = jdbc.update("update statistics_daily set installs = installs + ?, uninstalls = uninstalls + ?, "
                                  + "ratings = ratings + ?, stars = stars + ? where program_id = ? and stat_date = ? "
                                  + "and version = ?", installs, uninstalls, ratings, stars, programId,
                                  Date.valueOf(day), version);
        if (updated == 0) {
            jdbc.update("insert into statistics_daily (program_id, stat_date, version, installs, uninstalls, ratings, "
                        + "stars) values (?, ?, ?, ?, ?, ?, ?)", programId, Date.valueOf(day), version, installs,
                        uninstalls, ratings, stars);
        }
    }

    /** Every count of the program up to and including {@code to}, by day then version. */
    List<DayCounts> countsUntil(String programId, LocalDate to) {
        List<DayCounts> rows = new ArrayList<>();
        jdbc.query("select * from statistics_daily where program_id = ? and stat_date <= ? order by stat_date, version",
                   rs -> {
                       rows.add(new DayCounts(rs.getDate("stat_date").toLocalDate(), rs.getString("version"),
                                              rs.getLong("installs"), rs.getLong("uninstalls"),
                                              rs.getLong("ratings"), rs.getLong("stars")));
                   }, programId, Date.valueOf(to));
        return rows;
    }

    void clear() {
        jdbc.update("delete from statistics_daily");
        jdbc.update("delete from statistics_installation");
        jdbc.update("delete from statistics_program");
    }

    record DayCounts(LocalDate day, String version, long installs, long uninstalls, long ratings, long stars) {
    }
}
