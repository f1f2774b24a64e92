package dev.marketplace.command.directory;

import dev.marketplace.api.program.ProgramStatus;

/** One program as the {@link ProgramDirectory} knows it. */
public record ProgramEntry(String programId, String developerId, ProgramStatus status) {

    public boolean isLive() {
        return status == ProgramStatus.LIVE;
    }
}
