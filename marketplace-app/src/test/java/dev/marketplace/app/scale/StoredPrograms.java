package dev.marketplace.app.scale;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** The programs the event store holds, read straight from its rows: what a replay of it must index. */
final class StoredPrograms {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredPrograms() {
    }

    /** Each registered program's name, by its id. */
    static Map<String, String> registeredNames(JdbcTemplate db) {
        Map<String, String> names = new HashMap<>();
        db.query("select aggregate_identifier, payload from domain_event_entry where payload_type like ?", rs -> {
            try {
                names.put(rs.getString(1), JSON.readTree(rs.getBytes(2)).path("name").asText());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, "%MiniProgramRegisteredEvent");
        return names;
    }
}
