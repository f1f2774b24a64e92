package dev.marketplace.app.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Gives each test application context a database of its own on the PostgreSQL at 127.0.0.1:5432 (trust auth) and
 * an Elasticsearch index prefix of its own, so test classes never see each other's events or documents. The
 * database is dropped when its context closes.
 */
public class PostgresTestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    public static final String USER = System.getProperty("marketplace.test.pg-user", "postgres");

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String name = createDatabase();
        // Dropped when the context has closed: registered before any bean, it is destroyed after all of them, once
        // the processors and pools have stopped. A JVM shutdown hook would run beside Spring's own hook and take
        // the database away from contexts still closing, which then wait out their pools' connection timeouts.
        ((DefaultSingletonBeanRegistry) context.getBeanFactory())
                .registerDisposableBean(PostgresTestDatabase.class.getName(), () -> drop(name));
        // The suite's contexts share PostgreSQL's 100 connections (the pom sets the size; the soak and the
        // benchmark do not, and measure with the application's own pool). A cached context waiting for its next
        // test class gives its idle connections back within 10 s.
        String poolSize = System.getProperty("marketplace.test.pool-size", "");
        if (!poolSize.isBlank()) {
            TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context,
                    "spring.datasource.hikari.maximum-pool-size=" + poolSize.strip(),
                    "spring.datasource.hikari.minimum-idle=1", "spring.datasource.hikari.idle-timeout=10000");
        }
        TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context,
                "spring.datasource.url=" + SERVER + name,
                "spring.datasource.username=" + USER,
                "spring.datasource.password=",
                "marketplace.catalogue.index-prefix=" + name.replace('_', '-') + "-");
    }

    /** Creates a fresh, empty database, dropped when the test JVM exits, and returns its name. */
    public static String create() {
        String name = createDatabase();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(name)));
        return name;
    }

    private static String createDatabase() {
        String name = "marketplace_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                                                  .toLowerCase(Locale.ROOT);
        execute("create database " + name);
        return name;
    }

    private static void drop(String name) {
        try {
            execute("drop database if exists " + name + " with (force)");
        } catch (IllegalStateException e) {
            System.err.println("Could not drop test database " + name + ": " + e.getMessage());
        }
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL on 127.0.0.1:5432 is needed for integration tests ("
                                            + sql + "): " + e.getMessage(), e);
        }
    }
}
