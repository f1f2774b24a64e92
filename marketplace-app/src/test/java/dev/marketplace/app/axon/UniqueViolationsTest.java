package dev.marketplace.app.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;

class UniqueViolationsTest {

    final UniqueViolations resolver = new UniqueViolations();

    @Test
    void postgresUniqueViolationBehindABatchIsADuplicateKey() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", "23505", 0, new int[0]);
        batch.setNextException(new SQLException("duplicate key value violates unique constraint", "23505"));

        assertThat(resolver.isDuplicateKeyViolation(new EventStoreException("append failed", batch))).isTrue();
    }

    @Test
    void uniqueViolationOnlyInTheNextExceptionIsADuplicateKey() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", null, 0, new int[0]);
        batch.setNextException(new SQLException("duplicate key value violates unique constraint", "23505"));

        assertThat(resolver.isDuplicateKeyViolation(batch)).isTrue();
    }

    @Test
    void h2IntegrityViolationIsADuplicateKey() {
        assertThat(resolver.isDuplicateKeyViolation(new SQLIntegrityConstraintViolationException("unique", "23505"))).isTrue();
    }

    @Test
    void otherDatabaseFailuresAreNot() {
        assertThat(resolver.isDuplicateKeyViolation(new SQLException("connection refused", "08001"))).isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new SQLException("not null violation", "23502"))).isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new IllegalStateException("no SQL at all"))).isFalse();
    }
}
