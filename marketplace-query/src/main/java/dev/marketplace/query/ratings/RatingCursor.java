package dev.marketplace.query.ratings;


import dev.marketplace.api.rating.RatingView;
import dev.marketplace.api.rules.RuleViolation;
import dev.marketplace.query.ratings.RatingConnection.RatingEdge;
import dev.marketplace.query.shared.CursorSeal;
import dev.marketplace.query.shared.PageInfo;
import java.time.Instant;
import java.util.List;

/**
 * Position in a list of ratings: the last rating's stars, change time and id, sealed ({@link CursorSeal}) for the list
 * it came from ({@code purpose}: one program's ratings in one order, or the flagged ones).
 */
public record RatingCursor(int stars, Instant updatedAt, String ratingId) {

    static final int MAX_PAGE = 100;

    /** The size of a page of ratings a client asked for (the schema's default unless given): at most {@value #MAX_PAGE}. */
    public static int pageSize(int first) {
        if (first < 0 || first > MAX_PAGE) {
            throw RuleViolation.invalid("first", "must be between 0 and " + MAX_PAGE + ", not " + first);
        }
        return first;
    }

    /** A page of a connection from {@code size + 1} rows read after the cursor: the extra row says more follow. */
    public static RatingConnection connection(List<RatingView> rows, int size, long total, CursorSeal seal, String purpose) {
        List<RatingEdge> edges = rows.stream().limit(size)
                .map(r -> new RatingEdge(r, seal.seal(purpose, r.stars() + "|" + r.updatedAt() + "|" + r.id())))
                .toList();
        String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        return new RatingConnection(edges, new PageInfo(rows.size() > size, end), total);
    }

    /** The position a cursor names; null without one. Its signature is checked before anything is read. */
    public static RatingCursor decode(String cursor, CursorSeal seal, String purpose) {
        if (cursor == null) {
            return null;
        }
        String[] parts = seal.open(purpose, cursor).split("\\|", 3);
        try {
            return new RatingCursor(Integer.parseInt(parts[0]), Instant.parse(parts[1]), parts[2]);
        } catch (RuntimeException sealedElsewhere) {
            // Sealed by this server in an earlier shape: refused like any cursor it did not give for this list.
            throw CursorSeal.notACursor();
        }
    }
}
