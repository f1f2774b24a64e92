package dev.marketplace.query.history;

import dev.marketplace.query.shared.OldestFirstPage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The audit log's table: decisions by actor, in time order (ties by event id), read as an index range on
 * {@code (actor, at, event_id)}. Writes are keyed by the event's id, so applying an event again changes nothing.
 */
@Repository
public class AuditLog {

    private static final OldestFirstPage PAGE = new OldestFirstPage("at", "event_id");

    private final JdbcTemplate jdbc;

    public AuditLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(AuditEntry entry) {
        jdbc.update("insert into audit_entry (event_id, actor, at, program_id, subject_id, type, summary) "
                    + "select ?, ?, ?, ?, ?, ?, ? where not exists (select 1 from audit_entry where event_id = ?)",
                    entry.eventId(), entry.actor(), Timestamp.from(entry.at()), entry.miniProgramId(),
                    entry.subjectId(), entry.type(), entry.summary(), entry.eventId());
    }

    void clear() {
        jdbc.update("delete from audit_entry");
    }

    /**
     * Up to {@code limit} decisions of {@code actor} made at or after {@code from} and before {@code to} (either
     * may be null), after the position ({@code afterAt}, {@code afterEventId}) when given, oldest first.
     */
    List<AuditEntry> decisions(String actor, Instant from, Instant to, Instant afterAt, String afterEventId,
                               int limit) {
        List<Object> args = new ArrayList<>(List.of(actor));
        StringBuilder sql = new StringBuilder("select * from audit_entry where actor = ?");
        if (from != null) {
            sql.append(" and at >= ?");
            args.add(Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" and at < ?");
            args.add(Timestamp.from(to));
        }
        PAGE.append(sql, args, afterAt, afterEventId, limit);
        return jdbc.query(sql.toString(), AuditLog::toEntry, args.toArray());
    }

    private static AuditEntry toEntry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getString("event_id"), rs.getString("actor"), rs.getTimestamp("at").toInstant(),
                              rs.getString("program_id"), rs.getString("subject_id"), rs.getString("type"),
                              rs.getString("summary"));
    }
}
