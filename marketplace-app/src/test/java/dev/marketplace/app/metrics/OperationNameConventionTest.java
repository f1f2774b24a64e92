package dev.marketplace.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Clients name their operations, so the names kept as tags are bounded in number, length and syntax. */
class OperationNameConventionTest {

    @Test
    void namesPastTheCapAreCountedAsOther() {
        OperationNameConvention convention = new OperationNameConvention(2);

        assertThat(convention.bounded("First")).isEqualTo("First");
        assertThat(convention.bounded("Second")).isEqualTo("Second");
        assertThat(convention.bounded("Third")).isEqualTo("other");
        assertThat(convention.bounded("First")).isEqualTo("First");
    }

    @Test
    void unnamedOverlongAndMalformedNamesAreNotKept() {
        OperationNameConvention convention = new OperationNameConvention(100);

        assertThat(convention.bounded(null)).isEqualTo("anonymous");
        assertThat(convention.bounded("x".repeat(65))).isEqualTo("invalid");
        assertThat(convention.bounded("drop table\"")).isEqualTo("invalid");
        assertThat(convention.bounded("Ok_1")).isEqualTo("Ok_1");
    }
}
