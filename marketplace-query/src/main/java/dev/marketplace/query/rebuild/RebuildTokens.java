package dev.marketplace.query.rebuild;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The two catalogue processors' tracking tokens as rows, read and moved across the whole cluster: a processor's
 * own status only covers the segments this node runs.
 */
@Component
record RebuildTokens(JdbcTemplate jdbc, TokenSchema schema, DeadLetterSchema deadLetters, Serializer serializer,
                     TokenStore tokenStore, TokenStoreProperties tokenStoreProperties) {

    private static final Clock CLOCK = Clock.systemUTC();

    /** The stream position each segment of the processor has reached; -1 for one that has read nothing yet. */
    List<Long> positions(String processor) {
        return jdbc.query("select " + schema.tokenColumn() + ", " + schema.tokenTypeColumn() + " from "
                          + schema.tokenTable() + " where " + schema.processorNameColumn() + " = ?",
                          (rs, row) -> position(rs.getBytes(1), rs.getString(2)), processor);
    }

    /**
     * True while any node holds a segment of the processor. A claim older than the claim timeout is a dead node's:
     * the others would take it over, and it writes nothing more.
     */
    boolean claimed(String processor) {
        Instant fresh = CLOCK.instant().minus(tokenStoreProperties.getClaimTimeout());
        return jdbc.queryForList("select " + schema.timestampColumn() + " from " + schema.tokenTable() + " where "
                                 + schema.processorNameColumn() + " = ? and " + schema.ownerColumn() + " is not null",
                                 String.class, processor)
                   .stream().anyMatch(claimedAt -> claimedAt == null || after(claimedAt, fresh));
    }

    /** Sets the processor back to the first event, in as many segments as the live processor has. */
    void restartFromFirstEvent(String processor, String like) {
        int reset = jdbc.update("update " + schema.tokenTable() + " set " + schema.tokenColumn() + " = null, "
                                + schema.tokenTypeColumn() + " = null, " + schema.ownerColumn() + " = null where "
                                + schema.processorNameColumn() + " = ?", processor);
        if (reset == 0) {
            tokenStore.initializeTokenSegments(processor, Math.max(1, tokenStore.fetchSegments(like).length));
        }
    }

    /**
     * Gives the live processor the rebuild's positions (and its parked events), and drops the rebuild's rows: the
     * live processor goes on from exactly where the new index ends. Runs while neither processor holds a segment.
     */
    void handOver(String rebuild, String live) {
        String table = schema.tokenTable();
        String name = schema.processorNameColumn();
        jdbc.update("delete from " + table + " where " + name + " = ?", live);
        jdbc.update("insert into " + table + " (" + name + ", " + schema.segmentColumn() + ", " + schema.tokenColumn()
                    + ", " + schema.tokenTypeColumn() + ") select ?, " + schema.segmentColumn() + ", "
                    + schema.tokenColumn() + ", " + schema.tokenTypeColumn() + " from " + table + " where " + name
                    + " = ?", live, rebuild);
        jdbc.update("delete from " + table + " where " + name + " = ?", rebuild);
        String group = deadLetters.processingGroupColumn();
        jdbc.update("delete from " + deadLetters.deadLetterTable() + " where " + group + " = ?", live);
        jdbc.update("update " + deadLetters.deadLetterTable() + " set " + group + " = ? where " + group + " = ?",
                    live, rebuild);
    }

    private long position(byte[] token, String type) {
        if (token == null || type == null) {
            return -1;
        }
        TrackingToken tracking = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
        return tracking == null ? -1 : tracking.position().orElse(-1);
    }

    private static boolean after(String claimedAt, Instant fresh) {
        try {
            return Instant.parse(claimedAt).isAfter(fresh);
        } catch (DateTimeParseException unreadable) {
            return true;
        }
    }
}
