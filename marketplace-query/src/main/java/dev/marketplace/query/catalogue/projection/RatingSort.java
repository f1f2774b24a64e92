package dev.marketplace.query.catalogue.projection;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * How a program's ratings are listed: the newest change first, or by stars (then the newest change first). Each
 * order is total (the rating id breaks ties), so a page after a position neither repeats nor skips a rating.
 */
public enum RatingSort {
    NEWEST("updated_at desc, rating_id asc", null),
    HIGHEST("stars desc, updated_at desc, rating_id asc", "<"),
    LOWEST("stars asc, updated_at desc, rating_id asc", ">");

    private static final String AFTER_CHANGE = "(updated_at < ? or (updated_at = ? and rating_id > ?))";

    private final String orderBy;
    private final String starsBeyond;

    RatingSort(String orderBy, String starsBeyond) {
        this.orderBy = orderBy;
        this.starsBeyond = starsBeyond;
    }

    String orderBy() {
        return orderBy;
    }

    /** The condition for the rows after a position in this order, with its arguments. */
    String after(int stars, Instant updatedAt, String ratingId, List<Object> arguments) {
        if (starsBeyond != null) {
            arguments.add(stars);
            arguments.add(stars);
        }
        arguments.add(Timestamp.from(updatedAt));
        arguments.add(Timestamp.from(updatedAt));
        arguments.add(ratingId);
        return starsBeyond == null ? AFTER_CHANGE
                : "(stars " + starsBeyond + " ? or (stars = ? and " + AFTER_CHANGE + "))";
    }
}
