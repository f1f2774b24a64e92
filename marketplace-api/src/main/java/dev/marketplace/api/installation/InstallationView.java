package dev.marketplace.api.installation;

/** One user's installation of a mini-program as clients see it; {@code id} is the {@link InstallationId} value. */
public record InstallationView(String id, String miniProgramId, String userId, boolean installed) {
}
