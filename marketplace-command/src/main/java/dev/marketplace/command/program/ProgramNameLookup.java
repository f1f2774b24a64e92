package dev.marketplace.command.program;

import dev.marketplace.api.program.ListingLocales;
import dev.marketplace.api.program.ListingTranslation;
import dev.marketplace.api.program.ListingUpdatedEvent;
import dev.marketplace.api.program.MiniProgramRegisteredEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The write side's table of names in use. It is fed by a subscribing processor, so a name is claimed in the same
 * transaction that stores the registration: the table's primary key refuses a second claim even when two
 * registrations race past {@link #isTaken}, and the losing command then stores nothing.
 */
@Component
@ProcessingGroup(ProgramNames.PROCESSING_GROUP)
class ProgramNameLookup implements ProgramNames {


    private final JdbcTemplate jdbc;

    ProgramNameLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean isTaken(String name) {
        Integer count = jdbc.queryForObject("select count(*) from program_name where name_key = ?", Integer.class,
                                            ProgramNames.key(name));
        return count != null && count > 0;
    }

    /** A program claims its name in every language; two languages may share one name. */
    @EventHandler
    void on(MiniProgramRegisteredEvent event) {
        keyed(names(event.name(), event.translations())).forEach((key, name) -> claim(name, event.programId()));
    }

    /**
     * A listing edit keeps the claims whose names it still uses (another spelling of a name only updates the row),
     * gives up the others and claims the new ones, in the edit's transaction. A claim found shadowed by an older
     * look-alike is kept as it is (see {@link ProgramNameRekeying}).
     */
    @EventHandler
    void on(ListingUpdatedEvent event) {
        Map<String, String> wanted = keyed(names(event.name(), event.translations()));
        List<String> held = jdbc.queryForList("select name_key from program_name where program_id = ?",
                                              String.class, event.programId());
        for (String heldKey : held) {
            String key = unshadowed(heldKey, event.programId());
            if (wanted.containsKey(key)) {
                jdbc.update("update program_name set normalized_name = ? where name_key = ?",
                            ProgramNames.normalize(wanted.remove(key)), heldKey);
            } else {
                jdbc.update("delete from program_name where name_key = ?", heldKey);
            }
        }
        wanted.values().forEach(name -> claim(name, event.programId()));
    }

    private static String unshadowed(String heldKey, String programId) {
        String suffix = ProgramNameRekeying.shadowed("", programId);
        return heldKey.endsWith(suffix) ? heldKey.substring(0, heldKey.length() - suffix.length()) : heldKey;
    }

    private static List<String> names(String name, List<ListingTranslation> translations) {
        List<String> all = new ArrayList<>(List.of(name));
        ListingLocales.orNone(translations).forEach(t -> all.add(t.name()));
        return all;
    }

    /** The names by key, the first name of each key kept: one claim per key. */
    private static Map<String, String> keyed(List<String> names) {
        Map<String, String> byKey = new LinkedHashMap<>();
        names.forEach(name -> byKey.putIfAbsent(ProgramNames.key(name), name));
        return byKey;
    }

    private void claim(String name, String programId) {
        try {
            jdbc.update("insert into program_name (name_key, normalized_name, program_id) values (?, ?, ?)",
                        ProgramNames.key(name), ProgramNames.normalize(name), programId);
        } catch (DuplicateKeyException raced) {
            throw ProgramNames.taken(name);
        }
    }
}
