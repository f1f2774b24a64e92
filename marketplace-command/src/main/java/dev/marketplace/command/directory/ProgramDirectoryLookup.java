package dev.marketplace.command.directory;

import dev.marketplace.api.program.MiniProgramDelistedEvent;
import dev.marketplace.api.program.MiniProgramRegisteredEvent;
import dev.marketplace.api.program.MiniProgramReinstatedEvent;
import dev.marketplace.api.program.MiniProgramSuspendedEvent;
import dev.marketplace.api.program.PhasedReleaseExpiredEvent;
import dev.marketplace.api.program.ProgramStatus;
import dev.marketplace.api.program.VersionReleasedEvent;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The JDBC-backed {@link ProgramDirectory}, fed by a subscribing processor on the program's own events. */
@Component
@ProcessingGroup(ProgramDirectory.PROCESSING_GROUP)
class ProgramDirectoryLookup implements ProgramDirectory {


    private final JdbcTemplate jdbc;

    ProgramDirectoryLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ProgramEntry> find(String programId) {
        return jdbc.query("select program_id, developer_id, status from program_directory where program_id = ?",
                          (rs, row) -> new ProgramEntry(rs.getString(1), rs.getString(2),
                                                        ProgramStatus.valueOf(rs.getString(3))),
                          programId).stream().findFirst();
    }

    @EventHandler
    void on(MiniProgramRegisteredEvent event) {
        jdbc.update("insert into program_directory (program_id, developer_id, status) values (?, ?, ?)",
                    event.programId(), event.developerId(), ProgramStatus.DRAFT.name());
    }

    @EventHandler
    void on(VersionReleasedEvent event) {
        setStatus(event.programId(), ProgramStatus.LIVE);
    }

    @EventHandler
    void on(PhasedReleaseExpiredEvent event) {
        jdbc.update("update program_directory set status = ? where program_id = ? and status = ?",
                    ProgramStatus.DRAFT.name(), event.programId(), ProgramStatus.LIVE.name());
    }

    @EventHandler
    void on(MiniProgramSuspendedEvent event) {
        setStatus(event.programId(), ProgramStatus.SUSPENDED);
    }

    @EventHandler
    void on(MiniProgramReinstatedEvent event) {
        setStatus(event.programId(), event.status());
    }

    @EventHandler
    void on(MiniProgramDelistedEvent event) {
        setStatus(event.programId(), ProgramStatus.DELISTED);
    }

    private void setStatus(String programId, ProgramStatus status) {
        jdbc.update("update program_directory set status = ? where program_id = ?", status.name(), programId);
    }
}
