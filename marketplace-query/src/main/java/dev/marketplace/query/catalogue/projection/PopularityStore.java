package dev.marketplace.query.catalogue.projection;

import dev.marketplace.api.developer.DeveloperView;
import dev.marketplace.api.rating.RatingView;
import dev.marketplace.query.catalogue.index.Popularity;
import dev.marketplace.query.shared.OldestFirstPage;
import dev.marketplace.query.shared.DatabaseProduct;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Installs and ratings as rows, one per user and program, kept by the catalogue processor. Writes are keyed
 * upserts and deletes, so applying an event again changes nothing; counts are always computed from the rows.
 * Beside them, the developers behind the programs: their profiles and which programs are theirs, so a verified
 * badge reaches every document of a developer however the events interleave.
 */
@Repository
public class PopularityStore {

    private static final OldestFirstPage FLAGGED_PAGE = new OldestFirstPage("updated_at", "rating_id");

    private final JdbcTemplate jdbc;
    private final String installs;
    private final String ratings;
    private final String developers;
    private final String programDevelopers;
    private final DatabaseProduct database;

    @Autowired
    public PopularityStore(JdbcTemplate jdbc) {
        this(jdbc, "");
    }

    private PopularityStore(JdbcTemplate jdbc, String suffix) {
        this.jdbc = jdbc;
        this.database = new DatabaseProduct(jdbc);
        this.installs = "catalogue_install" + suffix;
        this.ratings = "rating_view" + suffix;
        this.developers = "catalogue_developer" + suffix;
        this.programDevelopers = "catalogue_program_developer" + suffix;
    }

    /** The rows a catalogue rebuild writes while the live ones keep serving: same columns, tables of their own. */
    public PopularityStore rebuilding() {
        return new PopularityStore(jdbc, "_rebuild");
    }

    /**
     * Rows of their own for one replay into a temporary index (a catalogue as of an instant), in tables made now and
     * dropped with {@link #drop()} when the replay ends: the index then holds every figure, and several such replays
     * may run at once on several nodes.
     */
    public PopularityStore temporary(String suffix) {
        if (!suffix.matches("[a-z0-9_]{1,30}")) {
            throw new IllegalArgumentException("Not a table suffix: " + suffix);
        }
        PopularityStore store = new PopularityStore(jdbc, "_" + suffix);
        jdbc.execute("create table " + store.installs + " (program_id varchar(64) not null, "
                     + "user_id varchar(255) not null, primary key (program_id, user_id))");
        jdbc.execute("create table " + store.ratings + " (rating_id varchar(400) primary key, "
                     + "program_id varchar(64) not null, user_id varchar(255) not null, stars integer not null, "
                     + "text varchar(8000), reply varchar(8000), hidden boolean not null, flag_count integer not null, "
                     + "created_at timestamp with time zone not null, updated_at timestamp with time zone not null)");
        jdbc.execute("create index " + store.ratings + "_by_program on " + store.ratings + " (program_id)");
        jdbc.execute("create table " + store.developers + " (developer_id varchar(255) primary key, "
                     + "display_name varchar(400), website varchar(2048), contact_email varchar(254), "
                     + "verified boolean not null)");
        jdbc.execute("create table " + store.programDevelopers + " (program_id varchar(64) primary key, "
                     + "developer_id varchar(255) not null)");
        return store;
    }

    /** Drops the tables of a {@link #temporary} store. */
    public void drop() {
        jdbc.execute("drop table if exists " + installs);
        jdbc.execute("drop table if exists " + ratings);
        jdbc.execute("drop table if exists " + developers);
        jdbc.execute("drop table if exists " + programDevelopers);
    }

    /** Replaces these rows with the other store's (in the caller's transaction, so readers see one or the other). */
    public void replaceWith(PopularityStore other) {
        clear();
        jdbc.update("insert into " + installs + " select * from " + other.installs);
        jdbc.update("insert into " + ratings + " select * from " + other.ratings);
        jdbc.update("insert into " + developers + " select * from " + other.developers);
        jdbc.update("insert into " + programDevelopers + " select * from " + other.programDevelopers);
    }

    /**
     * Records whose program it is and answers the developer as known now, holding their row locked until the
     * transaction ends: a badge given meanwhile on another segment waits for this program to be committed, and then
     * finds it among the developer's programs.
     */
    DeveloperView registerProgram(String programId, String developerId) {
        jdbc.update(insertProgramDeveloper(), programId, developerId, programId);
        return lockDeveloper(developerId);
    }

    /** Records whose program it is, unless recorded before (a registration handled again). */
    private String insertProgramDeveloper() {
        return "insert into " + programDevelopers + " (program_id, developer_id) select ?, ? where not exists "
               + "(select 1 from " + programDevelopers + " where program_id = ?)";
    }

    /** The developer's row, created unnamed if missing, locked until the transaction ends. */
    DeveloperView lockDeveloper(String developerId) {
        insertDeveloperIfMissing(developerId);
        jdbc.update(lockDeveloperRow(), developerId);
        return developers(List.of(developerId)).get(developerId);
    }

    private void insertDeveloperIfMissing(String developerId) {
        insertRacingOtherSegments("insert into " + developers + " (developer_id, verified) select ?, false "
                                  + "where not exists (select 1 from " + developers + " where developer_id = ?)",
                                  developerId, developerId);
    }

    /** An update that changes nothing and holds the developer's row until the transaction ends. */
    private String lockDeveloperRow() {
        return "update " + developers + " set verified = verified where developer_id = ?";
    }

    /**
     * Creates the missing rows of a batch's developers and locks them all, in the order of their ids, until the
     * transaction ends: exclusively those whose events the batch applies ({@code changing}), and, on PostgreSQL,
     * shared those it only registers programs for ({@code developerByProgram}: program id to developer id). A batch
     * that locks its developers one by one, in the order of its events, can deadlock with a batch on another segment
     * that locks the same developers in another order (seen as "deadlock detected" on {@code catalogue_developer} and
     * the batch handled again, during a rebuild); taking them all first, in one order on every segment, leaves a batch
     * waiting for the other at worst. A registration needs only to keep the developer's profile from changing until
     * it commits, so registrations of one developer on two segments no longer wait for each other (a rebuild's
     * batches nearly always share developers); a profile change or badge still waits for them, and they for it. H2
     * has no shared row locks ({@code for share}): there every developer is locked exclusively.
     *
     * <p>With the rows held, it records the batch's registrations in one round trip, and answers the developers as
     * they are now, in one query: the batch's events then need no round trip of their own for them.
     */
    Map<String, DeveloperView> lockDevelopers(Collection<String> changing, Map<String, String> developerByProgram) {
        Set<String> exclusive = new HashSet<>(changing);
        if (!database.isPostgres()) {
            exclusive.addAll(developerByProgram.values());
        }
        List<String> sorted = Stream.concat(changing.stream(), developerByProgram.values().stream())
                                    .distinct().sorted().toList();
        if (sorted.isEmpty()) {
            return Map.of();
        }
        Set<String> existing = new HashSet<>(jdbc.queryForList("select developer_id from " + developers
                + " where developer_id in (" + placeholders(sorted.size()) + ")", String.class, sorted.toArray()));
        sorted.stream().filter(id -> !existing.contains(id)).forEach(this::insertDeveloperIfMissing);
        lockInOrder(sorted, exclusive);
        if (!developerByProgram.isEmpty()) {
            jdbc.batchUpdate(insertProgramDeveloper(), developerByProgram.entrySet().stream()
                    .map(e -> new Object[] {e.getKey(), e.getValue(), e.getKey()}).toList());
        }
        return developers(sorted);
    }

    /**
     * Locks these rows in their order, each run of exclusive ones in one batch of updates and each run of shared ones
     * in one {@code select … order by … for share}, which locks its rows in the order it returns them.
     */
    private void lockInOrder(List<String> sorted, Set<String> exclusive) {
        int from = 0;
        while (from < sorted.size()) {
            boolean exclusiveRun = exclusive.contains(sorted.get(from));
            int to = from + 1;
            while (to < sorted.size() && exclusive.contains(sorted.get(to)) == exclusiveRun) {
                to++;
            }
            List<String> run = sorted.subList(from, to);
            if (exclusiveRun) {
                jdbc.batchUpdate(lockDeveloperRow(), run.stream().map(id -> new Object[] {id}).toList());
            } else {
                jdbc.queryForList("select developer_id from " + developers + " where developer_id in ("
                                  + placeholders(run.size()) + ") order by developer_id for share", String.class,
                                  run.toArray());
            }
            from = to;
        }
    }

    /**
     * An insert-if-missing of a row that events of other programs, handled at the same moment on another segment, may
     * insert too: both see it missing, and the later one fails on the key once the earlier commits. That failure only
     * means the row is there, so it is undone to a savepoint (PostgreSQL aborts the whole transaction on any error
     * otherwise) and the event's handling goes on; without this, the embedded H2 store parked such an event as a dead
     * letter and its program was missing from the catalogue.
     */
    private void insertRacingOtherSegments(String sql, Object... arguments) {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            Savepoint savepoint = connection.getAutoCommit() ? null : connection.setSavepoint();
            try {
                jdbc.update(sql, arguments);
            } catch (DuplicateKeyException insertedMeanwhile) {
                if (savepoint != null) {
                    connection.rollback(savepoint);
                }
                return null;
            }
            if (savepoint != null) {
                connection.releaseSavepoint(savepoint);
            }
            return null;
        });
    }

    void saveDeveloper(DeveloperView developer) {
        jdbc.update("update " + developers + " set display_name = ?, website = ?, contact_email = ?, verified = ? "
                    + "where developer_id = ?", developer.displayName(), developer.website(),
                    developer.contactEmail(), developer.verified(), developer.id());
    }

    /** The programs the developer registered, whatever their status. */
    List<String> programsOf(String developerId) {
        return jdbc.queryForList("select program_id from " + programDevelopers + " where developer_id = ? "
                                 + "order by program_id", String.class, developerId);
    }

    /** Each developer as known, in one query; one without a row is {@linkplain DeveloperView#unnamed unnamed}. */
    public Map<String, DeveloperView> developers(Collection<String> developerIds) {
        Map<String, DeveloperView> result = new HashMap<>();
        developerIds.forEach(id -> result.put(id, DeveloperView.unnamed(id)));
        if (developerIds.isEmpty()) {
            return result;
        }
        String in = placeholders(developerIds.size());
        jdbc.query("select * from " + developers + " where developer_id in (" + in + ")", rs -> {
            result.put(rs.getString("developer_id"), new DeveloperView(
                    rs.getString("developer_id"), rs.getString("display_name"), rs.getString("website"),
                    rs.getString("contact_email"), rs.getBoolean("verified")));
        }, developerIds.toArray());
        return result;
    }

    void install(String programId, String userId) {
        jdbc.update("insert into " + installs + " (program_id, user_id) select ?, ? where not exists "
                    + "(select 1 from " + installs + " where program_id = ? and user_id = ?)",
                    programId, userId, programId, userId);
    }

    void uninstall(String programId, String userId) {
        jdbc.update("delete from " + installs + " where program_id = ? and user_id = ?", programId, userId);
    }

    void saveRating(RatingView rating) {
        int updated = jdbc.update("update " + ratings + " set stars = ?, text = ?, reply = ?, hidden = ?, "
                                  + "flag_count = ?, updated_at = ? where rating_id = ?",
                                  rating.stars(), rating.text(), rating.reply(), rating.hidden(), rating.flagCount(),
                                  Timestamp.from(rating.updatedAt()), rating.id());
        if (updated == 0) {
            jdbc.update("insert into " + ratings + " (rating_id, program_id, user_id, stars, text, reply, hidden, "
                        + "flag_count, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        rating.id(), rating.miniProgramId(), rating.userId(), rating.stars(), rating.text(),
                        rating.reply(), rating.hidden(), rating.flagCount(), Timestamp.from(rating.createdAt()),
                        Timestamp.from(rating.updatedAt()));
        }
    }

    public RatingView rating(String ratingId) {
        return jdbc.query("select * from " + ratings + " where rating_id = ?", PopularityStore::toRating, ratingId)
                   .stream().findFirst().orElse(null);
    }

    /**
     * Ratings of a program in the given order, after the position of a rating with these stars, change time and id
     * (a null time: from the start); hidden ones only if asked.
     */
    public List<RatingView> ratings(String programId, boolean includeHidden, RatingSort sort, int afterStars,
                                    Instant afterUpdatedAt, String afterId, int limit) {
        List<Object> args = new ArrayList<>(List.of(programId));
        StringBuilder sql = new StringBuilder("select * from " + ratings + " where program_id = ?");
        if (!includeHidden) {
            sql.append(" and hidden = false");
        }
        if (afterUpdatedAt != null) {
            sql.append(" and ").append(sort.after(afterStars, afterUpdatedAt, afterId, args));
        }
        sql.append(" order by ").append(sort.orderBy()).append(" limit ?");
        args.add(limit);
        return jdbc.query(sql.toString(), PopularityStore::toRating, args.toArray());
    }

    /**
     * The first {@code limit} ratings of each program in one query, in the given order, for a page of programs that
     * each show their ratings.
     */
    public Map<String, List<RatingView>> firstRatings(Collection<String> programIds, boolean includeHidden,
                                                      RatingSort sort, int limit) {
        Map<String, List<RatingView>> result = new HashMap<>();
        programIds.forEach(id -> result.put(id, new ArrayList<>()));
        if (programIds.isEmpty()) {
            return result;
        }
        String in = placeholders(programIds.size());
        List<Object> args = new ArrayList<>(programIds);
        args.add(limit);
        jdbc.query("select * from (select r.*, row_number() over (partition by program_id order by " + sort.orderBy()
                   + ") as position from " + ratings + " r where program_id in (" + in + ")"
                   + (includeHidden ? "" : " and hidden = false") + ") ranked where position <= ? "
                   + "order by program_id, position",
                   rs -> {
                       RatingView rating = toRating(rs, 0);
                       result.get(rating.miniProgramId()).add(rating);
                   }, args.toArray());
        return result;
    }

    public Map<String, Long> ratingCounts(Collection<String> programIds, boolean includeHidden) {
        Map<String, Long> counts = new HashMap<>();
        programIds.forEach(id -> counts.put(id, 0L));
        if (programIds.isEmpty()) {
            return counts;
        }
        String in = placeholders(programIds.size());
        jdbc.query("select program_id, count(*) from " + ratings + " where program_id in (" + in + ")"
                   + (includeHidden ? "" : " and hidden = false") + " group by program_id",
                   rs -> {
                       counts.put(rs.getString(1), rs.getLong(2));
                   }, programIds.toArray());
        return counts;
    }

    public long ratingCount(String programId, boolean includeHidden) {
        Long count = jdbc.queryForObject("select count(*) from " + ratings + " where program_id = ?"
                                         + (includeHidden ? "" : " and hidden = false"), Long.class, programId);
        return count == null ? 0 : count;
    }

    /** Ratings users have flagged, hidden or not, the longest unchanged first, after the given position. */
    public List<RatingView> flaggedRatings(Instant afterUpdatedAt, String afterId, int limit) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select * from " + ratings + " where flag_count > 0");
        FLAGGED_PAGE.append(sql, args, afterUpdatedAt, afterId, limit);
        return jdbc.query(sql.toString(), PopularityStore::toRating, args.toArray());
    }

    public long flaggedRatingCount() {
        Long count = jdbc.queryForObject("select count(*) from " + ratings + " where flag_count > 0", Long.class);
        return count == null ? 0 : count;
    }

    /** Every program the user has installed (at most 10,000: far beyond what a person installs). */
    public List<String> installedBy(String userId) {
        return jdbc.queryForList("select program_id from " + installs
                                 + " where user_id = ? order by program_id limit 10000", String.class, userId);
    }

    /** Which of the given programs the user has installed. */
    public Set<String> installedBy(String userId, Collection<String> programIds) {
        if (programIds.isEmpty()) {
            return Set.of();
        }
        String in = placeholders(programIds.size());
        List<Object> args = new ArrayList<>(List.of(userId));
        args.addAll(programIds);
        return new HashSet<>(jdbc.queryForList("select program_id from " + installs + " where user_id = ? and "
                                               + "program_id in (" + in + ")", String.class, args.toArray()));
    }

    Popularity popularity(String programId) {
        Long count = jdbc.queryForObject("select count(*) from " + installs + " where program_id = ?",
                                            Long.class, programId);
        long[] histogram = new long[5];
        jdbc.query("select stars, count(*) from " + ratings + " where program_id = ? and hidden = false "
                   + "group by stars",
                   rs -> {
                       histogram[rs.getInt(1) - 1] = rs.getLong(2);
                   }, programId);
        return Popularity.of(count == null ? 0 : count, histogram);
    }

    public void clear() {
        jdbc.update("delete from " + installs);
        jdbc.update("delete from " + ratings);
        jdbc.update("delete from " + developers);
        jdbc.update("delete from " + programDevelopers);
    }

    private static RatingView toRating(ResultSet rs, int row) throws SQLException {
        return new RatingView(rs.getString("rating_id"), rs.getString("program_id"), rs.getString("user_id"),
                              rs.getInt("stars"), rs.getString("text"), rs.getString("reply"),
                              rs.getBoolean("hidden"), rs.getInt("flag_count"),
                              rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    /** {@code ?, ?, ?}: one parameter a value of an {@code in (...)} list. */
    private static String placeholders(int count) {
        return String.join(",", Collections.nCopies(count, "?"));
    }
}
