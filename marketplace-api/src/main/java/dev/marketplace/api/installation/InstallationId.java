package dev.marketplace.api.installation;

/**
 * Identifies one user's installation of one mini-program. Installations share the event store with programs and
 * ratings, so the id carries its own prefix and can never equal a program id (program ids hold no colon) or a
 * rating id. The user id comes last because it is the only part that may itself contain a colon.
 */
public record InstallationId(String programId, String userId) {

    private static final String PREFIX = "install:";

    public InstallationId {
        if (programId == null || programId.isBlank() || programId.indexOf(':') >= 0
                || userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("an installation id needs a program id (without ':') and a user id");
        }
    }

    public String value() {
        return PREFIX + programId + ':' + userId;
    }
}
