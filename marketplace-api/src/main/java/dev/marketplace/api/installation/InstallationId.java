package dev.marketplace.api.installation;

import dev.marketplace.api.shared.PerUserIdForm;

/**
 * Identifies one user's installation of one mini-program. Installations share the event store with programs and
 * ratings, so the id carries its own prefix and can never equal a program id (program ids hold no colon) or a
 * rating id. The user id comes last because it is the only part that may itself contain a colon.
 */
public record InstallationId(String programId, String userId) {

    public static final PerUserIdForm FORM = new PerUserIdForm("install:", "an installation id");

    public InstallationId {
        FORM.check(programId, userId);
    }

    public String value() {
        return FORM.value(programId, userId);
    }
}
