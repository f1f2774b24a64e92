package dev.marketplace.query.history;

import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Lets PostgreSQL find the events of every installation or rating of one program ({@code aggregate_identifier
 * like 'install:<program>:%'}, {@link PopularityAsOf}) through an index. The event store's own index on the
 * aggregate id serves such a prefix only in the "C" collation; {@code varchar_pattern_ops} serves it in any. H2
 * turns a constant prefix into a range on the existing index by itself, so there is nothing to do there (and H2
 * knows no operator classes). A Java migration (Spring Boot hands Flyway the migration beans) because the SQL
 * differs by database. The index costs every append one more index entry.
 */
@Component
class AggregatePrefixIndex implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("13");
    }

    @Override
    public String getDescription() {
        return "aggregate id prefix index";
    }

    @Override
    public Integer getChecksum() {
        return 13;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        if (!context.getConnection().getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("create index if not exists domain_event_entry_aggregate_prefix on domain_event_entry "
                              + "(aggregate_identifier varchar_pattern_ops)");
        }
    }
}
