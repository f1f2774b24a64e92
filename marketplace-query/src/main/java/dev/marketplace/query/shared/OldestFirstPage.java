package dev.marketplace.query.shared;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * The end of a query for one page of rows listed oldest first by an instant column, ties broken by a unique id
 * column: the rows after a position (an instant and an id) when one is given, in that order, at most a limit.
 *
 * @param atColumn the instant the rows are listed by
 * @param idColumn the unique id that orders rows of the same instant
 */
public record OldestFirstPage(String atColumn, String idColumn) {

    /** Appends the position, order and limit to {@code sql}, whose where clause it continues, and their values. */
    public void append(StringBuilder sql, List<Object> args, Instant afterAt, String afterId, int limit) {
        if (afterAt != null) {
            sql.append(" and (").append(atColumn).append(" > ? or (").append(atColumn).append(" = ? and ")
               .append(idColumn).append(" > ?))");
            args.add(Timestamp.from(afterAt));
            args.add(Timestamp.from(afterAt));
            args.add(afterId);
        }
        sql.append(" order by ").append(atColumn).append(", ").append(idColumn).append(" limit ?");
        args.add(limit);
    }
}
