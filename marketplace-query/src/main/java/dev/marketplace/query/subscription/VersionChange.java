package dev.marketplace.query.subscription;

import dev.marketplace.api.program.ProgramStatus;
import dev.marketplace.api.program.VersionView;

/**
 * A version as it is after an event changed it, with what a follower's right to see it depends on: the program's
 * status and developer at that moment, and the event's place in the program's stream (so a follower can skip
 * changes that were already made when it subscribed).
 */
public record VersionChange(VersionView version, ProgramStatus programStatus, String developerId, long sequence) {
}
