package dev.marketplace.app.support;

import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Empty databases for tests of SQL that runs on PostgreSQL in production and on H2 in the embedded default. */
public final class TestDataSources {

    private TestDataSources() {
    }

    /** A fresh PostgreSQL database (dropped when the test JVM exits) and a fresh H2 one in its PostgreSQL mode. */
    public static Stream<DriverManagerDataSource> postgresAndH2() {
        return Stream.of(postgres(), h2());
    }

    public static DriverManagerDataSource postgres() {
        return new DriverManagerDataSource(PostgresTestDatabase.SERVER + PostgresTestDatabase.create(),
                                           PostgresTestDatabase.USER, "");
    }

    public static DriverManagerDataSource h2() {
        return new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;"
                                           + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                                           "sa", "");
    }
}
