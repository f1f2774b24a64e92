package dev.marketplace.query.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketplace.api.rules.RuleCode;
import dev.marketplace.api.rules.RuleViolation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A cursor is taken back only with the signature of a key still accepted, and only for its own purpose. */
class CursorSealTest {

    static final String OLD = "old-cursor-key-0123456789abcdefghijkl";
    static final String NEW = "new-cursor-key-0123456789abcdefghijkl";

    @Test
    void aKeyMovedToPreviousStillOpensItsCursorsUntilItIsDropped() {
        String cursor = new CursorSeal(new CursorKeys(OLD, List.of())).seal("history/p1", "7");

        assertThat(new CursorSeal(new CursorKeys(NEW, List.of(OLD))).open("history/p1", cursor)).isEqualTo("7");
        assertRefused(() -> new CursorSeal(new CursorKeys(NEW, List.of())).open("history/p1", cursor));
    }

    @Test
    void aCursorOpensOnlyForThePurposeItWasSealedFor() {
        CursorSeal seal = new CursorSeal(new CursorKeys(NEW, List.of()));

        assertRefused(() -> seal.open("history/p2", seal.seal("history/p1", "7")));
        assertRefused(() -> seal.open("history/p1", null));
        assertRefused(() -> seal.open("history/p1", "Nw.%%%"));
        assertRefused(() -> seal.open("history/p1", seal.seal("history/p1", "7") + "x"));
    }

    @Test
    void keysMustBeLongEnough() {
        assertThatThrownBy(() -> new CursorKeys("short", List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("marketplace.security.cursor-keys.current");
        assertThatThrownBy(() -> new CursorKeys(NEW, List.of("short"))).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertRefused(Runnable open) {
        assertThatThrownBy(open::run).isInstanceOfSatisfying(RuleViolation.class, v -> {
            assertThat(v.code()).isEqualTo(RuleCode.INVALID_CURSOR);
            assertThat(v.field()).isEqualTo("after");
        });
    }
}
