package dev.marketplace.api.program;

/**
 * An event about one mini-program, whichever aggregate raised it (the program, an installation or a rating of it).
 * Read models that keep one document per program sequence, route and label events by it.
 */
public interface ProgramEvent {

    String programId();
}
