package dev.marketplace.query.catalogue;

import dev.marketplace.api.rating.RatingView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.Map;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Installs and ratings as rows, one per user and program, kept by the catalogue processor. Writes are keyed
 * upserts and deletes, so applying an event again changes nothing; counts are always computed from the rows.
 */
@Repository
public class PopularityStore {

    private final JdbcTemplate jdbc;

    public PopularityStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void install(String programId, String userId) {
        jdbc.update("insert into catalogue_install (program_id, user_id) select ?, ? where not exists "
                    + "(select 1 from catalogue_install where program_id = ? and user_id = ?)",
                    programId, userId, programId, userId);
    }

    void uninstall(String programId, String userId) {
        jdbc.update("delete from catalogue_install where program_id = ? and user_id = ?", programId, userId);
    }

    void saveRating(RatingView rating) {
        int updated = jdbc.update("update rating_view set stars = ?, text = ?, reply = ?, hidden = ?, flag_count = ?, "
                                  + "updated_at = ? where rating_id = ?",
                                  rating.stars(), rating.text(), rating.reply(), rating.hidden(), rating.flagCount(),
                                  Timestamp.from(rating.updatedAt()), rating.id());
        if (updated == 0) {
            jdbc.update("insert into rating_view (rating_id, program_id, user_id, stars, text, reply, hidden, "
                        + "flag_count, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        rating.id(), rating.miniProgramId(), rating.userId(), rating.stars(), rating.text(),
                        rating.reply(), rating.hidden(), rating.flagCount(), Timestamp.from(rating.createdAt()),
                        Timestamp.from(rating.updatedAt()));
        }
    }

    public RatingView rating(String ratingId) {
        return jdbc.query("select * from rating_view where rating_id = ?", PopularityStore::toRating, ratingId)
                   .stream().findFirst().orElse(null);
    }

    /** Ratings of a program, newest change first, after the given position; hidden ones only if asked. */
    public List<RatingView> ratings(String programId, boolean includeHidden, Instant afterUpdatedAt,
                                    String afterId, int limit) {
        List<Object> args = new ArrayList<>(List.of(programId));
        StringBuilder sql = new StringBuilder("select * from rating_view where program_id = ?");
        if (!includeHidden) {
            sql.append(" and hidden = false");
        }
        if (afterUpdatedAt != null) {
            sql.append(" and (updated_at < ? or (updated_at = ? and rating_id > ?))");
            args.add(Timestamp.from(afterUpdatedAt));
            args.add(Timestamp.from(afterUpdatedAt));
            args.add(afterId);
        }
        sql.append(" order by updated_at desc, rating_id asc limit ?");
        args.add(limit);
        return jdbc.query(sql.toString(), PopularityStore::toRating, args.toArray());
    }

    /**
     * The first {@code limit} ratings of each program in one query (newest change first), for a page of programs
     * that each show their ratings.
     */
    public Map<String, List<RatingView>> firstRatings(Collection<String> programIds, boolean includeHidden,
                                                      int limit) {
        Map<String, List<RatingView>> result = new HashMap<>();
        programIds.forEach(id -> result.put(id, new ArrayList<>()));
        if (programIds.isEmpty()) {
            return result;
        }
        String in = String.join(",", Collections.nCopies(programIds.size(), "?"));
        List<Object> args = new ArrayList<>(programIds);
        args.add(limit);
        jdbc.query("select * from (select r.*, row_number() over (partition by program_id order by updated_at desc, "
                   + "rating_id asc) as position from rating_view r where program_id in (" + in + ")"
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
        String in = String.join(",", Collections.nCopies(programIds.size(), "?"));
        jdbc.query("select program_id, count(*) from rating_view where program_id in (" + in + ")"
                   + (includeHidden ? "" : " and hidden = false") + " group by program_id",
                   rs -> {
                       counts.put(rs.getString(1), rs.getLong(2));
                   }, programIds.toArray());
        return counts;
    }

    public long ratingCount(String programId, boolean includeHidden) {
        Long count = jdbc.queryForObject("select count(*) from rating_view where program_id = ?"
                                         + (includeHidden ? "" : " and hidden = false"), Long.class, programId);
        return count == null ? 0 : count;
    }

    /** Ratings users have flagged, hidden or not, the longest unchanged first, after the given position. */
    public List<RatingView> flaggedRatings(Instant afterUpdatedAt, String afterId, int limit) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select * from rating_view where flag_count > 0");
        if (afterUpdatedAt != null) {
            sql.append(" and (updated_at > ? or (updated_at = ? and rating_id > ?))");
            args.add(Timestamp.from(afterUpdatedAt));
            args.add(Timestamp.from(afterUpdatedAt));
            args.add(afterId);
        }
        sql.append(" order by updated_at asc, rating_id asc limit ?");
        args.add(limit);
        return jdbc.query(sql.toString(), PopularityStore::toRating, args.toArray());
    }

    public long flaggedRatingCount() {
        Long count = jdbc.queryForObject("select count(*) from rating_view where flag_count > 0", Long.class);
        return count == null ? 0 : count;
    }

    /** Which of the given programs the user has installed. */
    public Set<String> installedBy(String userId, Collection<String> programIds) {
        if (programIds.isEmpty()) {
            return Set.of();
        }
        String in = String.join(",", Collections.nCopies(programIds.size(), "?"));
        List<Object> args = new ArrayList<>(List.of(userId));
        args.addAll(programIds);
        return new HashSet<>(jdbc.queryForList("select program_id from catalogue_install where user_id = ? and "
                                               + "program_id in (" + in + ")", String.class, args.toArray()));
    }

    Popularity popularity(String programId) {
        Long installs = jdbc.queryForObject("select count(*) from catalogue_install where program_id = ?",
                                            Long.class, programId);
        long[] histogram = new long[5];
        jdbc.query("select stars, count(*) from rating_view where program_id = ? and hidden = false group by stars",
                   rs -> {
                       histogram[rs.getInt(1) - 1] = rs.getLong(2);
                   }, programId);
        return Popularity.of(installs == null ? 0 : installs, histogram);
    }

    void clear() {
        jdbc.update("delete from catalogue_install");
        jdbc.update("delete from rating_view");
    }

    private static RatingView toRating(ResultSet rs, int row) throws SQLException {
        return new RatingView(rs.getString("rating_id"), rs.getString("program_id"), rs.getString("user_id"),
                              rs.getInt("stars"), rs.getString("text"), rs.getString("reply"),
                              rs.getBoolean("hidden"), rs.getInt("flag_count"),
                              rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
