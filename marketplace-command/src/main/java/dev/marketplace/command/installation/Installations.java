package dev.marketplace.command.installation;

/**
 * Who currently has which mini-program installed, as the write side knows it. Other aggregates ask it (a rating
 * needs the program installed); it is never behind the installation events because it is updated in their
 * transaction.
 */
public interface Installations {

    /** The subscribing processor that keeps the table, in the transaction of the events it reflects. */
    String PROCESSING_GROUP = "installation-lookup";

    boolean isInstalled(String programId, String userId);
}
