package dev.marketplace.app.packages;

import dev.marketplace.api.program.CheckFinding;
import dev.marketplace.api.program.CheckSeverity;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Live programs whose names a user could mistake for this program's. Names are already unique by their confusable
 * skeleton ({@code program_name.name_key}, kept by the write side); this warns, for a reviewer to judge, about
 * skeletons one edit apart ("Starbucks" and "Starbuck", "Ferry Tix" and "Ferry Tax").
 */
@Component
record ConfusableNames(JdbcTemplate jdbc) {

    private static final int MAX_FINDINGS = 5;

    List<CheckFinding> near(String programId) {
        List<String> own = jdbc.queryForList("select name_key from program_name where program_id = ?", String.class,
                                             programId);
        if (own.isEmpty()) {
            return List.of();
        }
        String key = own.get(0);
        return jdbc.query("select n.name_key, n.normalized_name from program_name n join program_directory d on "
                          + "d.program_id = n.program_id where d.status = 'LIVE' and n.program_id <> ?",
                          (rs, row) -> new String[] {rs.getString(1), rs.getString(2)}, programId).stream()
                   .filter(other -> withinOneEdit(key, other[0])).limit(MAX_FINDINGS)
                   .map(other -> new CheckFinding(CheckSeverity.WARNING, "CONFUSABLE_NAME", null, null,
                                                  "The listing name is easily confused with the live mini-program '"
                                                  + other[1] + "'."))
                   .toList();
    }

    /** Whether one insertion, deletion or substitution turns {@code a} into {@code b} (or they are equal). */
    static boolean withinOneEdit(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (a.length() == b.length()) {
            return i == a.length() || a.substring(i + 1).equals(b.substring(i + 1));
        }
        return a.length() > b.length() ? a.substring(i + 1).equals(b.substring(i))
                                       : a.substring(i).equals(b.substring(i + 1));
    }
}
