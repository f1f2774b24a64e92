package dev.marketplace.command.program;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Snapshots of {@link MiniProgram}: loading a program replays only the events after its latest snapshot, so a
 * program with a long history costs about as much to load as a new one.
 *
 * @param threshold how many events are replayed on loading before a new snapshot is taken (after that command)
 */
@ConfigurationProperties("marketplace.programs.snapshots")
public record ProgramSnapshots(@DefaultValue("50") int threshold) {

    public ProgramSnapshots {
        if (threshold < 1) {
            throw new IllegalArgumentException("marketplace.programs.snapshots.threshold must be at least 1, not "
                                               + threshold);
        }
    }
}
