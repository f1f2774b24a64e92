package dev.marketplace.app.packages;

import dev.marketplace.api.program.ReleaseRolledBackEvent;
import dev.marketplace.api.program.VersionReleasedEvent;
import dev.marketplace.api.program.VersionSubmittedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which versions name which package, in the transaction that stores the version's events (a subscribing processor,
 * {@link PackageConfiguration}): a package a version names is never cleaned up, and one whose version was released
 * is public for good, as a superseded version may be rolled back to and hosts may still run it.
 */
@Component
@ProcessingGroup(PackageReferences.PROCESSING_GROUP)
record PackageReferences(JdbcTemplate jdbc) {

    static final String PROCESSING_GROUP = "package-references";

    @EventHandler
    void on(VersionSubmittedEvent event) {
        jdbc.update("insert into package_reference (program_id, version, digest, released) values (?, ?, ?, ?)",
                    event.programId(), event.version(), event.packageDigest(), false);
    }

    @EventHandler
    void on(VersionReleasedEvent event) {
        release(event.programId(), event.version());
    }

    @EventHandler
    void on(ReleaseRolledBackEvent event) {
        release(event.programId(), event.toVersion());
    }

    /**
     * Marks the version's reference released and its package published. A package already published is left as it
     * is, so releases of versions that share the bytes do not queue on its row.
     */
    private void release(String programId, String version) {
        jdbc.update("update package_reference set released = ? where program_id = ? and version = ?", true,
                    programId, version);
        jdbc.update("update package set published = ? where digest = (select r.digest from package_reference r "
                    + "where r.program_id = ? and r.version = ?) and not published", true, programId, version);
    }
}
