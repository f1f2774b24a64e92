package dev.marketplace.query.shared;

import java.sql.Connection;
import java.sql.SQLException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whether the database behind a {@link JdbcTemplate} is PostgreSQL or the embedded H2, asked once: some SQL
 * (operator-class indexes, shared row locks) exists only on PostgreSQL, and H2 answers the same without it.
 */
public final class DatabaseProduct {

    private final JdbcTemplate jdbc;
    private volatile Boolean postgres;

    public DatabaseProduct(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether {@code connection} is to PostgreSQL. */
    public static boolean isPostgres(Connection connection) throws SQLException {
        return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
    }

    /** Whether this template's database is PostgreSQL, asked of the first connection and remembered. */
    public boolean isPostgres() {
        Boolean known = postgres;
        if (known == null) {
            known = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) DatabaseProduct::isPostgres));
            postgres = known;
        }
        return known;
    }
}
