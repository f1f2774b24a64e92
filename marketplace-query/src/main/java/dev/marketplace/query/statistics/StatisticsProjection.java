package dev.marketplace.query.statistics;

import dev.marketplace.api.installation.MiniProgramInstalledEvent;
import dev.marketplace.api.installation.MiniProgramUninstalledEvent;
import dev.marketplace.api.program.PhasedReleaseExpiredEvent;
import dev.marketplace.api.program.ProgramState;
import dev.marketplace.api.program.ReleaseRolledBackEvent;
import dev.marketplace.api.program.VersionReleasedEvent;
import dev.marketplace.api.rating.MiniProgramRatedEvent;
import dev.marketplace.api.rating.RatingEditedEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Read model of a program's statistics per UTC day and version: installs, uninstalls, ratings given (a first
 * rating or a changed one, each with its stars). An install and a rating count under the version current at that
 * moment; an uninstall under the version its installation was counted under. Its own processor
 * ({@value #PROCESSING_GROUP}), sequenced per program like the catalogue, so a release and the installs after it
 * are handled in order. The counts commit with the processor's token, so a batch handled again after a crash
 * counts nothing twice; a replay starts from empty tables ({@link #prepareForReplay()}).
 */
@Component
@ProcessingGroup(StatisticsProjection.PROCESSING_GROUP)
record StatisticsProjection(StatisticsStore store) {

    static final String PROCESSING_GROUP = "statistics";

    @EventHandler
    void on(VersionReleasedEvent event) {
        release(event.programId(), event);
    }

    @EventHandler
    void on(ReleaseRolledBackEvent event) {
        release(event.programId(), event);
    }

    @EventHandler
    void on(PhasedReleaseExpiredEvent event) {
        release(event.programId(), event);
    }

    @EventHandler
    void on(MiniProgramInstalledEvent event, @Timestamp Instant at) {
        String version = store.currentVersion(event.programId());
        if (store.install(event.installationId(), event.programId(), version)) {
            store.count(event.programId(), day(at), version, 1, 0, 0, 0);
        }
    }

    @EventHandler
    void on(MiniProgramUninstalledEvent event, @Timestamp Instant at) {
        store.uninstall(event.installationId()).ifPresent(
                version -> store.count(event.programId(), day(at), version, 0, 1, 0, 0));
    }

    @EventHandler
    void on(MiniProgramRatedEvent event, @Timestamp Instant at) {
        store.count(event.programId(), day(at), store.currentVersion(event.programId()), 0, 0, 1, event.stars());
    }

    @EventHandler
    void on(RatingEditedEvent event, @Timestamp Instant at) {
        store.count(event.programId(), day(at), store.currentVersion(event.programId()), 0, 0, 1, event.stars());
    }

    @ResetHandler
    void prepareForReplay() {
        store.clear();
    }

    private void release(String programId, Object event) {
        String before = store.currentVersion(programId);
        String after = ProgramState.currentVersionAfter(before.isEmpty() ? null : before, event);
        store.setCurrentVersion(programId, after == null ? StatisticsStore.NO_VERSION : after);
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}
