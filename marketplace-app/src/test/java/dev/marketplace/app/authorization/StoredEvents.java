package dev.marketplace.app.authorization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The event store as the matrix checks it: a mark taken before a mutation, then every event stored after it, on
 * any aggregate, with the user its metadata names.
 */
final class StoredEvents {

    record Stored(String aggregate, String type, String actor) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;

    StoredEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long mark() {
        Long last = jdbc.queryForObject("select coalesce(max(global_index), 0) from domain_event_entry", Long.class);
        return last == null ? 0 : last;
    }

    List<Stored> since(long mark) {
        return jdbc.query("select aggregate_identifier, payload_type, meta_data from domain_event_entry"
                          + " where global_index > ? order by global_index",
                          (rs, row) -> new Stored(rs.getString(1), rs.getString(2), actor(rs.getBytes(3))), mark);
    }

    private static String actor(byte[] metadata) {
        if (metadata == null) {
            return null;
        }
        try {
            JsonNode userId = JSON.readTree(metadata).get("userId");
            return userId == null ? null : userId.asText();
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable event metadata", e);
        }
    }
}
