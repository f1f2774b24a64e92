package dev.marketplace.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SegmentSharesTest {

    @Test
    void aNodeAloneKeepsEverySegment() {
        assertThat(new SegmentShares(6, List.of("a"), Map.of("a", 6)).surplusOf("a")).isZero();
    }

    @Test
    void aSecondNodeGetsHalfFromTheFirst() {
        SegmentShares shares = new SegmentShares(6, List.of("a", "b"), Map.of("a", 6));
        assertThat(shares.surplusOf("a")).isEqualTo(3);
        assertThat(shares.surplusOf("b")).isZero();
    }

    @Test
    void aThirdNodeGetsOneFromEachOfTheOthers() {
        SegmentShares shares = new SegmentShares(6, List.of("a", "b", "c"), Map.of("a", 3, "b", 3));
        assertThat(shares.surplusOf("a")).isEqualTo(1);
        assertThat(shares.surplusOf("b")).isEqualTo(1);
    }

    @Test
    void unevenSplitsMoveOnlyOneSegmentFromTheLargestHolder() {
        SegmentShares shares = new SegmentShares(4, List.of("a", "b", "c"), Map.of("a", 2, "b", 2));
        assertThat(shares.surplusOf("a")).isEqualTo(1);
        assertThat(shares.surplusOf("b")).as("tie broken by node id").isZero();
        assertThat(new SegmentShares(4, List.of("a", "b", "c"), Map.of("a", 2, "b", 1, "c", 1)).surplusOf("a"))
                .as("2/1/1 is as fair as whole segments allow").isZero();
    }

    @Test
    void whileSegmentsAreUnclaimedNobodyGivesUpAFairShare() {
        SegmentShares shares = new SegmentShares(4, List.of("a", "b", "c"), Map.of("a", 2, "b", 1));
        assertThat(shares.surplusOf("a")).isZero();
    }

    @Test
    void aNodeNotYetCountedCountsItselfIn() {
        assertThat(new SegmentShares(6, List.of("a"), Map.of("b", 6)).surplusOf("b")).isEqualTo(3);
    }

    @Test
    void deadNodesClaimsDoNotCountAsSomeoneShort() {
        SegmentShares shares = new SegmentShares(6, List.of("a", "b"), Map.of("a", 3, "b", 3, "dead", 0));
        assertThat(shares.surplusOf("a")).isZero();
    }
}
