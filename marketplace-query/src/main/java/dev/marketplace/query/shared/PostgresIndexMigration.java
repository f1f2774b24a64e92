package dev.marketplace.query.shared;

import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A versioned migration that creates indexes only PostgreSQL knows (operator classes, expressions) and does nothing
 * on H2, where the same queries are answered without them. Java, because the SQL differs by database: Spring Boot
 * hands Flyway every migration bean, so a subclass is a {@code @Component}.
 */
public abstract class PostgresIndexMigration implements JavaMigration {

    private final int version;
    private final String description;
    private final String[] statements;

    protected PostgresIndexMigration(int version, String description, String... statements) {
        this.version = version;
        this.description = description;
        this.statements = statements.clone();
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(Integer.toString(version));
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public Integer getChecksum() {
        return version;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        if (!DatabaseProduct.isPostgres(context.getConnection())) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
