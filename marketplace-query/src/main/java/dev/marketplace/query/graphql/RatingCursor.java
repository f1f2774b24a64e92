package dev.marketplace.query.graphql;

import dev.marketplace.api.rating.RatingView;
import dev.marketplace.api.rules.RuleViolation;
import dev.marketplace.query.graphql.Connections.PageInfo;
import dev.marketplace.query.graphql.Connections.RatingConnection;
import dev.marketplace.query.graphql.Connections.RatingEdge;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/** Position in a program's ratings: the last rating's change time and id, as an opaque URL-safe string. */
record RatingCursor(Instant updatedAt, String ratingId) {

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                     .encodeToString((updatedAt + "|" + ratingId).getBytes(StandardCharsets.UTF_8));
    }

    static final int MAX_PAGE = 100;

    /** The size of a page of ratings a client asked for: 20 unless given, at most {@value #MAX_PAGE}. */
    static int pageSize(Integer first) {
        int size = first == null ? 20 : first;
        if (size < 0 || size > MAX_PAGE) {
            throw RuleViolation.invalid("first", "must be between 0 and " + MAX_PAGE + ", not " + size);
        }
        return size;
    }

    /** A page of a connection from {@code size + 1} rows read after the cursor: the extra row says more follow. */
    static RatingConnection connection(List<RatingView> rows, int size, long total) {
        List<RatingEdge> edges = rows.stream().limit(size)
                .map(r -> new RatingEdge(r, new RatingCursor(r.updatedAt(), r.id()).encode())).toList();
        String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        return new RatingConnection(edges, new PageInfo(rows.size() > size, end), total);
    }

    static RatingCursor decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = text.indexOf('|');
            return new RatingCursor(Instant.parse(text.substring(0, bar)), text.substring(bar + 1));
        } catch (RuntimeException e) {
            throw RuleViolation.invalid("after", "is not a cursor returned by this query");
        }
    }
}
