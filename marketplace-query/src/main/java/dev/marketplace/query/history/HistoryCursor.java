package dev.marketplace.query.history;

import dev.marketplace.query.shared.CursorSeal;


/**
 * History cursors: the sequence number of the last entry a client has seen, sealed ({@link CursorSeal}) for the
 * history of that one program.
 */
final class HistoryCursor {

    private HistoryCursor() {
    }

    static String encode(CursorSeal seal, String programId, long sequence) {
        return seal.seal(purpose(programId), Long.toString(sequence));
    }

    /** The sequence number a cursor stands for; INVALID_CURSOR on the {@code after} argument unless sealed here. */
    static long decode(CursorSeal seal, String programId, String cursor) {
        return Long.parseLong(seal.open(purpose(programId), cursor));
    }

    private static String purpose(String programId) {
        return "history/" + programId;
    }
}
