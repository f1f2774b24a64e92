package dev.marketplace.query.statistics;

import dev.marketplace.api.rules.RuleViolation;
import dev.marketplace.query.statistics.StatisticsStore.DayCounts;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * A program's statistics over a range of days: for each day and each version that had activity that day or active
 * installations at its end, one {@link DailyStatistics}. Days without either are left out rather than padded.
 */
@Service
public class ProgramStatistics {

    /** A year, leap day included: enough for a year-on-year chart, small enough to answer quickly. */
    public static final int MAX_DAYS = 366;

    private final StatisticsStore store;

    ProgramStatistics(StatisticsStore store) {
        this.store = store;
    }

    public List<DailyStatistics> between(String programId, LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw RuleViolation.invalid("from", "must not be after to (" + from + " > " + to + ")");
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > MAX_DAYS) {
            throw RuleViolation.invalid("to", "at most " + MAX_DAYS + " days per request, not " + days);
        }
        List<DayCounts> counts = store.countsUntil(programId, to);
        Map<String, Long> active = new TreeMap<>();
        List<DailyStatistics> result = new ArrayList<>();
        int next = 0;
        for (LocalDate day = from.minusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            Map<String, DayCounts> today = new LinkedHashMap<>();
            // Everything before the range only feeds the running totals: the first pass takes it all.
            boolean beforeRange = day.isBefore(from);
            while (next < counts.size() && (beforeRange ? counts.get(next).day().isBefore(from)
                                                         : counts.get(next).day().equals(day))) {
                DayCounts c = counts.get(next++);
                active.merge(c.version(), c.installs() - c.uninstalls(), Long::sum);
                today.put(c.version(), c);
            }
            if (beforeRange) {
                continue;
            }
            for (Map.Entry<String, Long> version : active.entrySet()) {
                DayCounts c = today.get(version.getKey());
                if (c == null && version.getValue() == 0) {
                    continue;
                }
                result.add(c == null
                        ? new DailyStatistics(day, nullIfNone(version.getKey()), 0, 0, version.getValue(), 0, null)
                        : new DailyStatistics(day, nullIfNone(version.getKey()), c.installs(), c.uninstalls(),
                                              version.getValue(), c.ratings(),
                                              c.ratings() == 0 ? null : (double) c.stars() / c.ratings()));
            }
        }
        return result;
    }

    private static String nullIfNone(String version) {
        return version.isEmpty() ? null : version;
    }
}
