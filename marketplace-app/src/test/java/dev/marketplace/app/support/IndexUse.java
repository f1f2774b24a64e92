package dev.marketplace.app.support;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How often PostgreSQL read a table whole and scanned an index, from its statistics views. A backend reports its
 * counts when its transaction ends or it exits, shortly after, so a test awaits them.
 */
public final class IndexUse {

    private IndexUse() {
    }

    public static long sequentialScans(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("select seq_scan from pg_stat_user_tables where relname = ?", Long.class, table);
    }

    public static long indexScans(JdbcTemplate jdbc, String index) {
        return jdbc.queryForObject("select idx_scan from pg_stat_user_indexes where indexrelname = ?", Long.class,
                                   index);
    }

    /** Rows read from the table by sequential scans, and entries read from all its indexes. */
    public static long rowsRead(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("select t.seq_tup_read + coalesce((select sum(i.idx_tup_read) from "
                                   + "pg_stat_user_indexes i where i.relid = t.relid), 0) from pg_stat_user_tables t "
                                   + "where t.relname = ?", Long.class, table);
    }
}
