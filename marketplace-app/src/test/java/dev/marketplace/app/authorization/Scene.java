package dev.marketplace.app.authorization;

/**
 * The state one matrix cell starts from: a program made for that cell alone and, as far as the cell needs them, the
 * version, the rating, the abuse report or the item (an API key, a canned response, a webhook) its mutation acts on;
 * or, for a mutation on a developer, a developer of its own; for one on a recorded search, that search. A program not
 * yet registered has only its name.
 */
record Scene(String programName, String programId, String versionId, String ratingId, String developerId,
             String reportId, String itemId, String searchId) {

    /** For a mutation that acts on no program. */
    static Scene none() {
        return new Scene(null, null, null, null, null, null, null, null);
    }

    static Scene unregistered(String programName) {
        return new Scene(programName, null, null, null, null, null, null, null);
    }

    /** A developer with a profile of their own, named {@code displayName}. */
    static Scene developer(String developerId, String displayName) {
        return new Scene(displayName, null, null, null, developerId, null, null, null);
    }

    /** For a mutation on something kept beside the event store: an API key, a canned response, a webhook. */
    static Scene item(String id) {
        return new Scene(null, null, null, null, null, null, id, null);
    }

    Scene withProgram(String id) {
        return new Scene(programName, id, versionId, ratingId, developerId, reportId, itemId, searchId);
    }

    Scene withVersion(String id) {
        return new Scene(programName, programId, id, ratingId, developerId, reportId, itemId, searchId);
    }

    Scene withRating(String id) {
        return new Scene(programName, programId, versionId, id, developerId, reportId, itemId, searchId);
    }

    Scene withReport(String id) {
        return new Scene(programName, programId, versionId, ratingId, developerId, id, itemId, searchId);
    }

    Scene withSearch(String id) {
        return new Scene(programName, programId, versionId, ratingId, developerId, reportId, itemId, id);
    }
}
