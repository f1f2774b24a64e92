package dev.marketplace.query.history;

import dev.marketplace.api.installation.MiniProgramInstalledEvent;
import dev.marketplace.api.installation.MiniProgramUninstalledEvent;
import dev.marketplace.api.rating.MiniProgramRatedEvent;
import dev.marketplace.api.rating.RatingEditedEvent;
import dev.marketplace.api.rating.RatingHiddenEvent;
import dev.marketplace.api.rating.RatingRestoredEvent;
import dev.marketplace.query.catalogue.index.Popularity;
import java.time.Instant;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * A program's install count and rating summary as they were at an instant, from the events of its installations
 * ({@code install:<program>:<user>}) and ratings ({@code rating:<program>:<user>}) stored up to then. The catalogue
 * keeps only today's figures, so the past is read from the event store, like the rest of a program's history.
 * <p>
 * Cost, for a program with 100,000 installs and 3,000 ratings: one index range scan over the program's own
 * install and rating events (the aggregate ids share the prefix; {@link AggregatePrefixIndex} lets PostgreSQL
 * use an index for it whatever the database's collation). Installs are counted inside the database and no row
 * leaves it: each install event adds exactly one and each uninstall takes one away, so the count is the
 * difference of two counts. Ratings need their stars, which only the payload holds; but each of the four events
 * that move a rating's stars or visibility carries both in full, so only the newest of them per rating up to the
 * instant is read and deserialised: one small payload per rating (3,000), never one per rating event or per
 * install. Nothing is cached; the answer is as exact as the event store.
 * <p>
 * Times: the store writes each event's time as fixed-width ISO-8601 in UTC with milliseconds, so comparing the
 * text compares the instants, and the instant asked for is written the same way (to the millisecond, as events
 * read back are).
 */
@Repository
public class PopularityAsOf {

    private static final String INSTALLS = """
            select payload_type, count(*) from domain_event_entry
            where aggregate_identifier like ? escape '!' and time_stamp <= ? and payload_type in (?, ?)
            group by payload_type""";
    private static final String NEWEST_RATING_STATES = """
            select payload_type, payload_revision, payload from (
              select payload_type, payload_revision, payload,
                     row_number() over (partition by aggregate_identifier order by sequence_number desc) as newest
              from domain_event_entry
              where aggregate_identifier like ? escape '!' and time_stamp <= ? and payload_type in (?, ?, ?, ?)
            ) rating_events where newest = 1""";

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    public PopularityAsOf(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    public Popularity of(String programId, Instant at) {
        String until = DateTimeUtils.formatInstant(at);
        long[] installs = new long[1];
        jdbc.query(INSTALLS, rs -> {
            installs[0] += rs.getString(1).equals(MiniProgramInstalledEvent.class.getName())
                    ? rs.getLong(2) : -rs.getLong(2);
        }, prefix("install:", programId), until, MiniProgramInstalledEvent.class.getName(),
                   MiniProgramUninstalledEvent.class.getName());
        long[] histogram = new long[5];
        jdbc.query(NEWEST_RATING_STATES, rs -> {
            RatingState state = RatingState.of(serializer.deserialize(new SimpleSerializedObject<>(
                    rs.getBytes(3), byte[].class, rs.getString(1), rs.getString(2))));
            if (!state.hidden()) {
                histogram[state.stars() - 1]++;
            }
        }, prefix("rating:", programId), until, MiniProgramRatedEvent.class.getName(),
                   RatingEditedEvent.class.getName(), RatingHiddenEvent.class.getName(),
                   RatingRestoredEvent.class.getName());
        return Popularity.of(installs[0], histogram);
    }

    /** A LIKE pattern for ids starting with the kind and the program id; program ids hold no colon. */
    private static String prefix(String kind, String programId) {
        return kind + programId.replace("!", "!!").replace("%", "!%").replace("_", "!_") + ":%";
    }

    /** A rating's stars and visibility after the newest event that set them. */
    record RatingState(int stars, boolean hidden) {

        static RatingState of(Object event) {
            if (event instanceof MiniProgramRatedEvent e) {
                return new RatingState(e.stars(), false);
            } else if (event instanceof RatingEditedEvent e) {
                return new RatingState(e.stars(), e.hidden());
            } else if (event instanceof RatingHiddenEvent e) {
                return new RatingState(e.stars(), true);
            } else if (event instanceof RatingRestoredEvent e) {
                return new RatingState(e.stars(), false);
            }
            throw new IllegalArgumentException("not an event that sets a rating's stars: " + event);
        }
    }
}
