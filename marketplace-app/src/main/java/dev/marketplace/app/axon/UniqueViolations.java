package dev.marketplace.app.axon;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Tells Axon's event store that an append failed on a unique key, so that two nodes appending the same
 * (aggregate, sequence number) yield a {@code ConcurrencyException}, which the command gateway retries. Axon's own
 * JDBC resolver only looks for {@link SQLIntegrityConstraintViolationException}; H2 throws that, but the PostgreSQL
 * driver reports a unique violation as a plain {@link SQLException} with SQLState {@value #UNIQUE_VIOLATION},
 * usually chained behind a {@code BatchUpdateException}. Within one node Axon's aggregate lock hides the difference;
 * across nodes the conflict would otherwise reach the client as an internal error.
 */
final class UniqueViolations implements PersistenceExceptionResolver {

    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        return isUniqueViolation(exception);
    }

    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
            if (t instanceof SQLException sql && (UNIQUE_VIOLATION.equals(sql.getSQLState())
                    || sql.getNextException() != null && sql.getNextException() != t
                       && isUniqueViolation(sql.getNextException()))) {
                return true;
            }
        }
        return false;
    }
}
