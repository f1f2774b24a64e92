package dev.marketplace.query.rebuild;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The rebuild's row in {@code catalogue_rebuild}. Its primary key is the catalogue, so a second rebuild cannot
 * start while one is active; the nodes lock the row for the steps only one of them may take.
 */
@Repository
class RebuildRecords {

    private static final String CATALOGUE = "catalogue";

    private final JdbcTemplate jdbc;

    RebuildRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<RebuildRecord> find() {
        return jdbc.query("select * from catalogue_rebuild where catalogue = ?", RebuildRecords::toRecord, CATALOGUE)
                   .stream().findFirst();
    }

    /** The row, locked until the caller's transaction ends. */
    Optional<RebuildRecord> lock() {
        return jdbc.query("select * from catalogue_rebuild where catalogue = ? for update", RebuildRecords::toRecord,
                          CATALOGUE).stream().findFirst();
    }

    /** Records a new rebuild unless one is active; false when one is. */
    boolean claim(RebuildRecord r) {
        int updated = jdbc.update("update catalogue_rebuild set state = ?, building_index = ?, old_index = null, "
                                  + "started_by = ?, started_at = ?, total = ?, switched_at = null, failure = null "
                                  + "where catalogue = ? and state in (?, ?)",
                                  r.state().name(), r.buildingIndex(), r.startedBy(), Timestamp.from(r.startedAt()),
                                  r.total(), CATALOGUE, RebuildState.DONE.name(), RebuildState.FAILED.name());
        if (updated == 1) {
            return true;
        }
        try {
            jdbc.update("insert into catalogue_rebuild (catalogue, state, building_index, started_by, started_at, "
                        + "total) values (?, ?, ?, ?, ?, ?)", CATALOGUE, r.state().name(), r.buildingIndex(),
                        r.startedBy(), Timestamp.from(r.startedAt()), r.total());
            return true;
        } catch (DuplicateKeyException active) {
            return false;
        }
    }

    /** Moves to the next state if the row is still in the expected one; false when another node moved it first. */
    boolean advance(RebuildState from, RebuildState to, String oldIndex) {
        return jdbc.update("update catalogue_rebuild set state = ?, old_index = coalesce(?, old_index) "
                           + "where catalogue = ? and state = ?", to.name(), oldIndex, CATALOGUE, from.name()) == 1;
    }

    void switched(Instant at) {
        jdbc.update("update catalogue_rebuild set state = ?, switched_at = ? where catalogue = ?",
                    RebuildState.DONE.name(), Timestamp.from(at), CATALOGUE);
    }

    void failed(String failure) {
        jdbc.update("update catalogue_rebuild set state = ?, failure = ? where catalogue = ?",
                    RebuildState.FAILED.name(), failure.length() > 1000 ? failure.substring(0, 1000) : failure,
                    CATALOGUE);
    }

    void oldIndexDeleted() {
        jdbc.update("update catalogue_rebuild set old_index = null where catalogue = ?", CATALOGUE);
    }

    private static RebuildRecord toRecord(ResultSet rs, int row) throws SQLException {
        return new RebuildRecord(RebuildState.valueOf(rs.getString("state")), rs.getString("building_index"),
                                 rs.getString("old_index"), rs.getString("started_by"),
                                 rs.getTimestamp("started_at").toInstant(), rs.getLong("total"),
                                 instant(rs.getTimestamp("switched_at")), rs.getString("failure"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
