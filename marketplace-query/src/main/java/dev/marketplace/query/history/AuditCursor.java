package dev.marketplace.query.history;

import dev.marketplace.query.shared.CursorSeal;
import java.time.Instant;

/**
 * Audit log cursors: the time and event id of the last decision a client has seen, sealed ({@link CursorSeal}) for
 * the audit log of that one actor.
 */
record AuditCursor(Instant at, String eventId) {

    static String encode(CursorSeal seal, String actor, AuditEntry entry) {
        return seal.seal(purpose(actor), entry.at() + " " + entry.eventId());
    }

    /** The position a cursor stands for; INVALID_CURSOR on the {@code after} argument unless sealed here. */
    static AuditCursor decode(CursorSeal seal, String actor, String cursor) {
        String payload = seal.open(purpose(actor), cursor);
        int space = payload.indexOf(' ');
        if (space < 0) {
            throw CursorSeal.notACursor();
        }
        return new AuditCursor(Instant.parse(payload.substring(0, space)), payload.substring(space + 1));
    }

    private static String purpose(String actor) {
        return "audit/" + actor;
    }
}
