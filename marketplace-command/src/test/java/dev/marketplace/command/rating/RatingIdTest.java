package dev.marketplace.command.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.marketplace.api.installation.InstallationId;
import dev.marketplace.api.rating.RatingId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RatingIdTest {

    @Test
    void readsBackTheIdItWrites() {
        RatingId id = new RatingId("prog-1", "user-1");
        assertThat(id.value()).isEqualTo("rating:prog-1:user-1");
        assertThat(RatingId.parse(id.value())).isEqualTo(id);
    }

    @Test
    void keepsColonsInTheUserId() {
        assertThat(RatingId.parse("rating:prog-1:idp|user:42")).isEqualTo(new RatingId("prog-1", "idp|user:42"));
    }

    @Test
    void neverEqualsTheInstallationIdOfTheSameUserAndProgram() {
        assertThat(new RatingId("prog-1", "user-1").value())
                .isNotEqualTo(new InstallationId("prog-1", "user-1").value())
                .isNotEqualTo("prog-1");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "prog-1", "rating:", "rating:prog-1", "rating:prog-1:", "rating::user-1",
                            "install:prog-1:user-1", "RATING:prog-1:user-1", "rating:prog-1: "})
    void refusesWhatItDidNotWrite(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> RatingId.parse(value))
                                            .withMessageContaining("is not a rating id")
                                            .withMessageContaining(String.valueOf(value));
    }
}
