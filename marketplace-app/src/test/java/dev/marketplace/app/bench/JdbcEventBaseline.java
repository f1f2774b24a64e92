package dev.marketplace.app.bench;

import dev.marketplace.app.support.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The write path's baseline: plain JDBC inserting copies of the event rows the marketplace stored, one row and one
 * commit per command, into {@code domain_event_entry} of a twin database on the same PostgreSQL, created by the same
 * Flyway migrations. A twin rather than the marketplace's own database, so the copies are not projected and do not
 * load the rest of the run; the table, its indexes and the row sizes are the same.
 */
final class JdbcEventBaseline implements OpenLoad.Operation, AutoCloseable {

    private record Row(String aggregateId, long sequence, String type, String payloadType, String revision,
                       byte[] payload, byte[] metaData) {
    }

    private final List<Row> rows;
    private final String url;
    private final List<Connection> connections = new ArrayList<>();
    private final ThreadLocal<Connection> connection = ThreadLocal.withInitial(this::connect);

    /** Copies the rows the marketplace stored after {@code afterGlobalIndex} (at most 5,000) as the sample. */
    JdbcEventBaseline(DataSource marketplace, long afterGlobalIndex) {
        rows = new JdbcTemplate(marketplace).query(
                "select aggregate_identifier, sequence_number, type, payload_type, payload_revision, payload, "
                + "meta_data from domain_event_entry where global_index > ? order by global_index limit 5000",
                (rs, n) -> new Row(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                                   rs.getString(5), rs.getBytes(6), rs.getBytes(7)), afterGlobalIndex);
        if (rows.isEmpty()) {
            throw new IllegalStateException("the write run stored no events to copy");
        }
        url = PostgresTestDatabase.SERVER + PostgresTestDatabase.create();
        Flyway.configure().dataSource(url, PostgresTestDatabase.USER, "").locations("classpath:db/migration").load()
              .migrate();
    }

    int sampleSize() {
        return rows.size();
    }

    @Override
    public boolean run(long n) throws SQLException {
        Row row = rows.get((int) (n % rows.size()));
        String aggregate = sameLength(row.aggregateId(), n);
        try (PreparedStatement insert = connection.get().prepareStatement(
                "insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, "
                + "time_stamp, payload_type, payload_revision, payload, meta_data) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, aggregate);
            insert.setLong(3, row.sequence());
            insert.setString(4, row.type());
            insert.setString(5, Instant.now().toString());
            insert.setString(6, row.payloadType());
            insert.setString(7, row.revision());
            insert.setBytes(8, row.payload());
            insert.setBytes(9, row.metaData());
            return insert.executeUpdate() == 1;
        }
    }

    /** A fresh aggregate id as long as the original, so the (aggregate, sequence) key never collides. */
    private static String sameLength(String original, long n) {
        String fresh = n + "-" + UUID.randomUUID() + UUID.randomUUID();
        return fresh.substring(0, Math.min(fresh.length(), Math.max(original.length(), String.valueOf(n).length() + 2)));
    }

    private Connection connect() {
        try {
            Connection c = DriverManager.getConnection(url, PostgresTestDatabase.USER, "");
            c.setAutoCommit(true);
            synchronized (connections) {
                connections.add(c);
            }
            return c;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to the baseline database: " + e.getMessage(), e);
        }
    }

    /** Closes the connections of the client threads of the last run (each run has threads of its own). */
    void disconnect() throws SQLException {
        synchronized (connections) {
            for (Connection c : connections) {
                c.close();
            }
            connections.clear();
        }
    }

    @Override
    public void close() throws SQLException {
        disconnect();
    }
}
