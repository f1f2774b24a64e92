package dev.marketplace.command.directory;

import java.util.Optional;

/**
 * What other aggregates may know about a mini-program: whether it exists, who owns it and its status. Kept on the
 * write side by a subscribing processor, in the same transaction as the program's events, so it is never behind.
 */
public interface ProgramDirectory {

    /** The subscribing processor that keeps the table, in the transaction of the events it reflects. */
    String PROCESSING_GROUP = "program-directory";

    Optional<ProgramEntry> find(String programId);
}
