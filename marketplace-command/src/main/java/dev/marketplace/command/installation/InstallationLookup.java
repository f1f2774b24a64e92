package dev.marketplace.command.installation;

import dev.marketplace.api.installation.MiniProgramInstalledEvent;
import dev.marketplace.api.installation.MiniProgramUninstalledEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The write side's table of current installations. It is fed by a subscribing processor (see
 * {@link InstallationLookupConfiguration}), so a row appears or disappears in the same transaction that stores the
 * installation event, and a failure here fails that command rather than leaving the table behind.
 */
@Component
@ProcessingGroup(Installations.PROCESSING_GROUP)
class InstallationLookup implements Installations {


    private final JdbcTemplate jdbc;

    InstallationLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean isInstalled(String programId, String userId) {
        Integer count = jdbc.queryForObject("select count(*) from installation where program_id = ? and user_id = ?",
                                            Integer.class, programId, userId);
        return count != null && count > 0;
    }

    /**
     * Deletes before inserting rather than relying on the primary key: should the table ever hold a stale row, the
     * install still goes through instead of failing forever, and the SQL stays the same on PostgreSQL and H2.
     */
    @EventHandler
    void on(MiniProgramInstalledEvent event) {
        remove(event.programId(), event.userId());
        jdbc.update("insert into installation (program_id, user_id) values (?, ?)", event.programId(),
                    event.userId());
    }

    @EventHandler
    void on(MiniProgramUninstalledEvent event) {
        remove(event.programId(), event.userId());
    }

    private void remove(String programId, String userId) {
        jdbc.update("delete from installation where program_id = ? and user_id = ?", programId, userId);
    }
}
