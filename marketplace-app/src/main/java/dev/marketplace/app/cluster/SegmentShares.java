package dev.marketplace.app.cluster;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A fair split of one processor's segments over the live nodes: nobody holds more than {@code ceil(segments/nodes)},
 * and while some live node holds fewer than {@code floor(segments/nodes)} with every segment claimed, the largest
 * holder (ties: the smallest node id) gives one up. Only whole segments move, so 4 segments on 3 nodes end 2/1/1.
 *
 * @param segments  how many segments the processor has
 * @param liveNodes nodes with a fresh heartbeat
 * @param claims    segments claimed per owner in the token store
 */
record SegmentShares(int segments, List<String> liveNodes, Map<String, Integer> claims) {

    /** How many of its segments {@code node} should release now. */
    int surplusOf(String node) {
        long nodes = liveNodes.contains(node) ? liveNodes.size() : liveNodes.size() + 1L;
        int floor = (int) (segments / nodes);
        int ceil = (int) ((segments + nodes - 1) / nodes);
        int mine = held(node);
        if (mine > ceil) {
            return mine - ceil;
        }
        boolean allClaimed = claims.values().stream().mapToInt(Integer::intValue).sum() >= segments;
        boolean someoneShort = liveNodes.stream().anyMatch(n -> held(n) < floor);
        return allClaimed && someoneShort && mine > floor && node.equals(largestHolder()) ? 1 : 0;
    }

    private int held(String node) {
        return claims.getOrDefault(node, 0);
    }

    private String largestHolder() {
        return liveNodes.stream()
                .max(Comparator.comparingInt(this::held).thenComparing(Comparator.<String>reverseOrder()))
                .orElse(null);
    }
}
