package dev.marketplace.query.statistics;

import java.time.LocalDate;

/**
 * One program's figures for one UTC day and version. {@code activeInstallations} are those counted under the version
 * and still installed at the end of the day; {@code averageStars} is of that day's ratings, null when there were none.
 */
public record DailyStatistics(LocalDate date, String version, long installs, long uninstalls,
                              long activeInstallations, long ratings, Double averageStars) {
}
