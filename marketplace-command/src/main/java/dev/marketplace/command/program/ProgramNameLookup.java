package dev.marketplace.command.program;

import dev.marketplace.api.program.ListingUpdatedEvent;
import dev.marketplace.api.program.MiniProgramRegisteredEvent;
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
@ProcessingGroup(ProgramNameLookup.PROCESSING_GROUP)
class ProgramNameLookup implements ProgramNames {

    static final String PROCESSING_GROUP = "program-names";

    private final JdbcTemplate jdbc;

    ProgramNameLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean isTaken(String name) {
        Integer count = jdbc.queryForObject("select count(*) from program_name where normalized_name = ?",
                                            Integer.class, ProgramNames.normalize(name));
        return count != null && count > 0;
    }

    @EventHandler
    void on(MiniProgramRegisteredEvent event) {
        claim(event.name(), event.programId());
    }

    /** A renamed program gives up its old name and claims the new one, in the rename's transaction. */
    @EventHandler
    void on(ListingUpdatedEvent event) {
        jdbc.update("delete from program_name where program_id = ?", event.programId());
        claim(event.name(), event.programId());
    }

    private void claim(String name, String programId) {
        try {
            jdbc.update("insert into program_name (normalized_name, program_id) values (?, ?)",
                        ProgramNames.normalize(name), programId);
        } catch (DuplicateKeyException raced) {
            throw ProgramNames.taken(name);
        }
    }
}
