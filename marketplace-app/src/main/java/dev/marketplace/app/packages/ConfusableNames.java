package dev.marketplace.app.packages;

import dev.marketplace.api.program.CheckFinding;
import dev.marketplace.api.program.CheckSeverity;
import dev.marketplace.query.shared.DatabaseProduct;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Live programs whose names a user could mistake for this program's. Names are already unique by their confusable
 * skeleton ({@code program_name.name_key}, kept by the write side); this warns, for a reviewer to judge, about
 * skeletons one edit apart ("Starbucks" and "Starbuck", "Ferry Tix" and "Ferry Tax").
 *
 * <p>One edit leaves one of the key's two halves untouched, so a name one edit away starts with the first half or
 * ends with the second. On PostgreSQL only the names that do are read, by two ranges over {@link
 * ConfusableNameIndexes}; a check then costs the same with 50 or 50,000 live programs. On H2 every name is read.
 */
@Component
class ConfusableNames {

    private static final int MAX_FINDINGS = 5;
    /** How many near names' programs one status query asks about. */
    private static final int STATUS_BATCH = 50;

    private static final RowMapper<Name> NAME = (rs, row) -> new Name(rs.getString(1), rs.getString(2),
                                                                       rs.getString(3));

    private record Name(String key, String normalizedName, String programId) {
    }

    private final JdbcTemplate jdbc;
    private final DatabaseProduct database;

    ConfusableNames(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.database = new DatabaseProduct(jdbc);
    }

    List<CheckFinding> near(String programId) {
        return nearLiveNames(programId, MAX_FINDINGS).stream()
                .map(name -> new CheckFinding(CheckSeverity.WARNING, "CONFUSABLE_NAME", null, null,
                                              "The listing name is easily confused with the live mini-program '"
                                              + name + "'."))
                .toList();
    }

    /**
     * The normalised names of at most {@code limit} live programs other than {@code programId} whose keys are at most
     * one edit from its own, in the order of their keys.
     */
    List<String> nearLiveNames(String programId, int limit) {
        List<String> own = jdbc.queryForList("select name_key from program_name where program_id = ?", String.class,
                                             programId);
        if (own.isEmpty()) {
            return List.of();
        }
        String key = own.get(0);
        List<Name> near = candidates(key, programId).stream().filter(other -> withinOneEdit(key, other.key()))
                .sorted(Comparator.comparing(Name::key)).toList();
        List<String> found = new ArrayList<>();
        for (int from = 0; from < near.size() && found.size() < limit; from += STATUS_BATCH) {
            List<Name> batch = near.subList(from, Math.min(near.size(), from + STATUS_BATCH));
            Set<String> live = new HashSet<>(jdbc.queryForList(
                    "select program_id from program_directory where status = 'LIVE' and program_id in ("
                    + String.join(", ", Collections.nCopies(batch.size(), "?")) + ")", String.class,
                    batch.stream().map(Name::programId).toArray()));
            batch.stream().filter(other -> live.contains(other.programId())).limit(limit - found.size())
                 .forEach(other -> found.add(other.normalizedName()));
        }
        return found;
    }

    /** Names of other programs that may be one edit from {@code key}: all of them where no index narrows them. */
    private List<Name> candidates(String key, String programId) {
        String head = wholeCodePoints(key.substring(0, key.length() / 2));
        String tail = wholeCodePoints(key.substring(key.length() / 2));
        if (head.isEmpty() || tail.isEmpty() || !database.isPostgres()) {
            return jdbc.query("select name_key, normalized_name, program_id from program_name where program_id <> ?",
                              NAME, programId);
        }
        List<Object> args = new ArrayList<>(List.of(programId));
        String sql = "select name_key, normalized_name, program_id from program_name where program_id <> ? and ("
                     + startsWith("name_key", head, args) + " or "
                     + startsWith("reverse(name_key)", new StringBuilder(tail).reverse().toString(), args) + ")";
        return jdbc.query(sql, NAME, args.toArray());
    }

    /** A condition on {@code column} that every value starting with {@code part} meets, as a range in byte order. */
    private static String startsWith(String column, String part, List<Object> args) {
        args.add(part);
        Optional<String> above = successor(part);
        above.ifPresent(args::add);
        return above.map(bound -> "(" + column + " ~>=~ ? and " + column + " ~<~ ?)")
                    .orElse("(" + column + " ~>=~ ?)");
    }

    /**
     * The least string above every string that starts with {@code part}, in code point order (which is UTF-8's byte
     * order); empty when there is none (a part of only U+10FFFF).
     */
    static Optional<String> successor(String part) {
        int end = part.length();
        while (end > 0) {
            int last = part.codePointBefore(end);
            int start = end - Character.charCount(last);
            if (last < Character.MAX_CODE_POINT) {
                int next = last + 1 == Character.MIN_SURROGATE ? Character.MAX_SURROGATE + 1 : last + 1;
                return Optional.of(part.substring(0, start) + Character.toString(next));
            }
            end = start;
        }
        return Optional.empty();
    }

    /** {@code part} without a surrogate its cut left alone at either end. */
    private static String wholeCodePoints(String part) {
        int from = !part.isEmpty() && Character.isLowSurrogate(part.charAt(0)) ? 1 : 0;
        int to = part.length() > from && Character.isHighSurrogate(part.charAt(part.length() - 1))
                 ? part.length() - 1 : part.length();
        return part.substring(from, to);
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
